/**
 * The registry of tunable parameters: named, bounded {@link Parameter}s in {@link Parameters}, registered by
 * {@link Tunable} policies (margin models, liquidation policies, breakers) and set by governance controllers or a
 * governance intervention, each change logged as a {@code parameter_changed} event. It depends only on the event
 * package, so every policy package can use it without a cycle.
 */
package backstop.protocol.parameters;
