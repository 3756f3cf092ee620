/**
 * {@link Backstop}: the Java entry point for JShell and notebooks, which runs a scenario under a design in memory and
 * returns its {@code RunResult}. The experiments module wires runs together and writes their results; it changes
 * nothing in how the protocol, the model or the agents behave, and only the GUI module may depend on it.
 */
package backstop.experiments;
