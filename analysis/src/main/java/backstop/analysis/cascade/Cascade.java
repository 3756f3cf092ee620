package backstop.analysis.cascade;

/**
 * One liquidation cascade: its root event (the exogenous cause, or a liquidation without one), the number of
 * liquidation steps that closed something, the deepest of them (1 = set off directly by the root), the
 * notional they closed (quote micro-units) and the first and last block in which one of them settled.
 */
public record Cascade(long root, int size, int depth, long notional, long firstBlock, long lastBlock) {
    /** Blocks from the first to the last settled step; 0 when the cascade settled within one block. */
    public long durationBlocks() {
        return lastBlock - firstBlock;
    }

    /** The closed notional in quote units. */
    public double notionalQuote() {
        return notional / 1e6;
    }
}
