/**
 * One run's world: {@link World}, which holds the protocol, prices, venues, oracle and chain and does each block
 * phase's work, driven (by {@code backstop.model.sim}) through its {@link WorldDriver}; {@link WorldSpec}, the scenario
 * as data; {@link Claims}, every owner's payoff from the ledger; and {@link Sender}, all the world knows of an agent
 * (the account its gas is paid from). It depends on no other package of the model that uses it (agents, metrics, the
 * MASON model) and drives the protocol only through its public methods.
 */
package backstop.model.world;
