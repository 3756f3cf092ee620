/**
 * The base of every participant: {@link Agent}, a MASON {@code Steppable} that acts by sending transactions to the
 * mempool, whose payoff is read from the ledger and which the world sees as a {@link backstop.model.world.Sender};
 * {@link AgentFactory}, which builds one population; and {@link WakeCalendar}, which steps in each block only the
 * agents that wake in it. The calendar is our own calendar queue rather than MASON's {@code Schedule}: MASON shuffles
 * steppables due at the same time with the model's one generator, while the order must come from the
 * {@code agent-order} stream (common random numbers), and its heap costs O(log n) per wake where a bucket per block
 * costs O(1). Concrete strategies live in the agents module and, like this base, may change the protocol only by a
 * {@code Tx}; they are handed the {@link backstop.model.world.World}, never its driver.
 */
package backstop.model.agent;
