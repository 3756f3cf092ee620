/**
 * The MASON model of one run, at the top of the module: {@link BackstopModel}, the {@code SimState} that assembles
 * the world, the agents and the metrics and runs one schedule step per block in the six {@link Phase}s (each phase a
 * {@code Steppable} at its ordering; in the agents phase a {@link backstop.model.agent.WakeCalendar} steps the agents
 * that wake in the block, in an order shuffled by the {@code agent-order} stream). The only package of the model that
 * uses MASON's schedule; it drives the world through its {@link backstop.model.world.WorldDriver} and knows nothing of
 * experiments, result files or the GUI.
 */
package backstop.model.sim;
