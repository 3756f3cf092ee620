/**
 * The agent populations: {@link AccountAgent}, the base of agents that trade from one funded account, the
 * {@link AgentClass} tags value flows are attributed by, and {@link Populations}, the factory records a scenario
 * lists (one per strategy, parameters drawn from {@code Dist}s). Agents change the protocol only by {@code Tx}
 * (submitted directly at genesis, through the mempool afterwards) and read only public views of the world and the
 * protocol; no agent package may use {@code ProtocolContext} or depend on experiments, analysis or the GUI.
 */
package backstop.agents;
