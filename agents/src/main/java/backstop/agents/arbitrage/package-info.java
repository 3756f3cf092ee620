/**
 * Arbitrageurs: {@link BasisArbitrageur} (perp against spot, with optional funding carry, hedging every perp fill on
 * the external venue) and {@link OracleLatencyArbitrageur} (trading the oracle's lag behind the venue). On the protocol
 * they act only by {@code Tx}; their hedges trade the model's external venue directly, which is what feeds their flow
 * back into the oracle.
 */
package backstop.agents.arbitrage;
