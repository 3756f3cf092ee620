/**
 * The chain around the protocol: the {@link Mempool} of {@link PendingTx}s and the block builder's choice under an
 * {@link OrderingRule}, and the EIP-1559-style {@link GasMarket}. It holds transactions but never executes them (the
 * world does); depends only on {@code protocol.tx} and MASON's random generator.
 */
package backstop.model.chain;
