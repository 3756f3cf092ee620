/**
 * One run's world: {@link BackstopModel}, the MASON {@code SimState} with one schedule step per block in the six
 * {@link Phase}s; {@link World}, which holds the protocol, prices, venues, oracle, chain and agents and does each
 * phase's work; {@link WorldSpec}, the scenario as data; and {@link Claims}, every owner's payoff from the ledger.
 * The only package of the model that uses MASON's schedule; it drives the protocol only through its public methods
 * and knows nothing of experiments, result files or the GUI.
 */
package backstop.model.world;
