/**
 * One run's world: {@link World}, the protocol and everything around it in parts — the {@link Environment}
 * (exogenous prices, venues, episodes; phase 1), the {@link OracleFeed} (phase 2), the chain's {@link BlockExecution}
 * (mempool, gas, the block builder; phase 4) and the {@link CascadeAttribution} of oracle moves to liquidations —
 * driven (by {@code backstop.model.sim}) through its {@link WorldDriver}; {@link WorldSpec}, the scenario as data;
 * {@link Claims}, every owner's payoff from the ledger; and {@link Sender}, all the world knows of an agent (the
 * account its gas is paid from). It depends on no package of the model that uses it (agents, metrics, the MASON
 * model) and drives the protocol only through its public methods.
 */
package backstop.model.world;
