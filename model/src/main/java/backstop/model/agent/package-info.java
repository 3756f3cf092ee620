/**
 * The base of every participant: {@link Agent}, which acts by sending transactions to the mempool, whose payoff is
 * read from the ledger and which the world sees as a {@link backstop.model.world.Sender}, and {@link AgentFactory},
 * which builds one population. Concrete strategies live in the agents module and, like this base, may change the
 * protocol only by a {@code Tx}; they are handed the {@link backstop.model.world.World}, never its driver.
 */
package backstop.model.agent;
