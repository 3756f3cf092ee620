/**
 * The loss waterfall: {@link LossWaterfall} passes a bankrupt account's positions and deficit through ordered
 * {@link LossAbsorber}s (insurance funds, plain, Binance-rule or pooled; the backstop vault; auto-deleveraging under an
 * {@link AdlRanking}; socialized loss; Drift's funding bump) and writes off what is left as uncovered. Each share is a
 * {@code loss_absorbed} event; absorbers act only through {@code ProtocolContext}.
 */
package backstop.protocol.waterfall;
