package backstop.protocol.context;

/** What a liquidation order achieved: lots closed (absolute) and their notional (absolute, quote micros). */
public record ClosedFill(long size, long notional) {
    public static final ClosedFill NOTHING = new ClosedFill(0, 0);

    /** Volume-weighted average price in ticks, or 0 when nothing filled. */
    public long averagePrice(long quotePerLotTick) {
        return size == 0 ? 0 : notional / (size * quotePerLotTick);
    }
}
