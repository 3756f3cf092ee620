package backstop.protocol.liquidation;

/**
 * The bid state of one flip auction (dss flip.sol {@code Bid}: {@code bid}, {@code lot}, {@code guy}, {@code tic},
 * {@code end}); read-only outside this package. Amounts quote micros, times block seconds.
 */
public final class FlipBid {
    private int bidder = -1;
    private long bid;
    private long lots;
    private long expiry;
    private long end;
    private int bids;

    FlipBid(long lots, long end) {
        this.lots = lots;
        this.end = end;
    }

    void record(int bidder, long bid, long lots, long expiry) {
        this.bidder = bidder;
        this.bid = bid;
        this.lots = lots;
        this.expiry = expiry;
        this.bids++;
    }

    void restart(long end) {
        this.end = end;
    }

    /** The high bidder's account, or -1 before the first bid (Maker {@code guy}). */
    public int bidder() {
        return bidder;
    }

    /** The high bid, quote micros (Maker {@code bid}); 0 before the first. */
    public long bid() {
        return bid;
    }

    /** The lots the high bid buys (Maker {@code lot}). */
    public long lots() {
        return lots;
    }

    /** When the high bid wins if not outbid, seconds (Maker {@code tic}); 0 before the first bid. */
    public long expiry() {
        return expiry;
    }

    /** When the auction ends at the latest, seconds (Maker {@code end}: kick or tick + tau). */
    public long end() {
        return end;
    }

    /** Bids so far. */
    public int bids() {
        return bids;
    }

    /** Whether bids are still taken at {@code now}: flip.sol {@code (tic > now || tic == 0) && end > now}. */
    public boolean open(long now) {
        return (expiry > now || expiry == 0) && end > now;
    }
}
