/**
 * {@link Check}: the range checks that scenario, design and agent records run in their constructors, each failure an
 * {@code IllegalArgumentException} naming the field as the file spells it. Depends on nothing but the JDK, so any
 * module that binds config records may use it without pulling in the simulator.
 */
package backstop.model.spec;
