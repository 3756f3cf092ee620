/**
 * Circuit breakers ({@link CircuitBreaker}): price bands, oracle deviation and staleness guards, liquidation pauses
 * and volume throttles, open-interest caps under stress, dYdX's withdrawal gate and a {@link StressIndex}. Each acts
 * only through {@code ProtocolContext} (halt, gate, change parameters, veto an oracle price, a liquidation or a
 * withdrawal) and logs every trip and release as a {@code halt} event; none moves value.
 */
package backstop.protocol.breaker;
