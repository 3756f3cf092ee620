package backstop.protocol.book;

/**
 * A central limit order book of one market: price-time priority, fills at the resting (maker) order's
 * price. Prices are ticks (&gt; 0), sizes lots (&gt; 0), order ids unique and chosen by the caller.
 * Implementations are single-threaded and deterministic.
 */
public interface OrderBook {

    /** Returned by price queries when there is no such price (empty side, unknown order). */
    long NO_PRICE = Long.MIN_VALUE;

    /**
     * Matches an incoming order against the other side while it crosses (buy: ask &lt;= limit; sell: bid
     * &gt;= limit), consulting {@code guard} before every fill and reporting to {@code sink}; then rests
     * or cancels the remainder. A market order ignores {@code price} and {@code tif} and never rests.
     * A post-only order (LIMIT and GTC only) that would match anything, even its own account's orders,
     * is rejected whole.
     *
     * @throws IllegalArgumentException if size &lt;= 0, a limit price &lt;= 0, or post-only is not LIMIT+GTC
     */
    PlaceResult place(long orderId, int account, Side side, OrderType type, long price, long size,
                      TimeInForce tif, boolean postOnly, FillGuard guard, FillSink sink);

    /** Removes a resting order; false if no such order rests. */
    boolean cancel(long orderId);

    /**
     * Shrinks a resting order in place, keeping its time priority; false (and no change) unless
     * 0 &lt; newRemaining &lt; its current remaining size.
     */
    boolean reduce(long orderId, long newRemaining);

    /** Cancels every resting order of an account, reporting each in the order they began to rest; returns the count. */
    int cancelAll(int account, OrderConsumer removed);

    /** Highest resting bid, or {@link #NO_PRICE}. */
    long bestBid();

    /** Lowest resting ask, or {@link #NO_PRICE}. */
    long bestAsk();

    /** Best price of a side, or {@link #NO_PRICE}. */
    default long best(Side side) {
        return side == Side.BUY ? bestBid() : bestAsk();
    }

    /** Total resting size at one price of one side (0 if none). */
    long sizeAt(Side side, long price);

    /**
     * Total resting size of a side at prices at least as good as {@code limitPrice} for a taker:
     * bids &gt;= limitPrice, asks &lt;= limitPrice.
     */
    long depthWithin(Side side, long limitPrice);

    /** Number of non-empty price levels on a side. */
    int levelCount(Side side);

    /** Number of resting orders on both sides. */
    int orderCount();

    /** Visits at most {@code maxLevels} levels of a side, best first. */
    void forEachLevel(Side side, int maxLevels, LevelConsumer consumer);

    /** Visits every resting order of a side in priority order (best price first, then earliest). */
    void forEachOrder(Side side, OrderConsumer consumer);

    /** Whether an order with this id rests in the book. */
    boolean contains(long orderId);

    /** Remaining size of a resting order, 0 if unknown. */
    long remaining(long orderId);

    /** Price of a resting order, {@link #NO_PRICE} if unknown. */
    long priceOf(long orderId);

    /** Account of a resting order, -1 if unknown. */
    int accountOf(long orderId);

    /** Side of a resting order, null if unknown. */
    Side sideOf(long orderId);

    /**
     * A deterministic 64-bit hash of every resting order (id, account, side, price, remaining), bids then
     * asks, each in priority order; equal books give equal hashes whatever the implementation.
     */
    default long stateHash() {
        long[] h = {0x6A09E667F3BCC909L};
        OrderConsumer mixer = (orderId, account, side, price, remaining) -> {
            long x = mix(h[0], orderId);
            x = mix(x, ((long) account << 1) | side.ordinal());
            x = mix(x, price);
            h[0] = mix(x, remaining);
        };
        forEachOrder(Side.BUY, mixer);
        h[0] = mix(h[0], -1L); // separates "this bid" from "this ask" in otherwise equal sequences
        forEachOrder(Side.SELL, mixer);
        return h[0];
    }

    /** One order-sensitive step of {@link #stateHash()} (a multiply-xorshift mix, as in SplitMix64). */
    private static long mix(long h, long value) {
        long x = (Long.rotateLeft(h, 23) ^ value) * 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        return x ^ (x >>> 31);
    }
}
