/**
 * The base of the agents: {@link AccountAgent}, the base of agents that trade from one funded account, and the
 * {@link AgentClass} tags value flows are attributed by; each strategy lives in a subpackage and the factories a
 * scenario lists in {@code populations}. Agents change the protocol only by {@code Tx} (submitted directly at
 * genesis, through the mempool afterwards) and read only public views of the world and the protocol; no agent
 * package may use {@code ProtocolContext} or depend on experiments, analysis or the GUI.
 */
package backstop.agents;
