/**
 * The base of every participant: {@link Agent}, which acts by sending transactions to the mempool and whose payoff is
 * read from the ledger, and {@link AgentFactory}, which builds one population. Concrete strategies live in the agents
 * module and, like this base, may change the protocol only by a {@code Tx}.
 */
package backstop.model.agent;
