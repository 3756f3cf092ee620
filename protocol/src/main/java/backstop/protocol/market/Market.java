package backstop.protocol.market;

import backstop.protocol.book.OrderBook;

/**
 * The live state of one perpetual market: its book, oracle, last trade and mark prices, open interest and
 * funding accumulator. Mutated only by the protocol.
 *
 * <p>Mark price rule (documented in the README): mark = oracle + clamp(median(best bid, best ask, last trade)
 * − oracle, ±markBand × oracle), taking the median of whichever of the three exist, and the oracle itself
 * when none does. This is Hyperliquid's "median of book and last" component bounded to a band around the
 * oracle, so a thin or spoofed book cannot drag the mark far away.
 */
public final class Market {
    private final MarketSpec spec;
    private final OrderBook book;
    private long oraclePrice;
    private long lastTradePrice;
    private long markPrice;
    private long openInterest;
    private long premiumPpbSeconds;
    private long premiumSeconds;
    private long lastFundingTime;
    private boolean halted;
    private long openInterestCap;
    private double premiumEma;

    public Market(MarketSpec spec, OrderBook book) {
        this.spec = spec;
        this.book = book;
        this.openInterestCap = spec.openInterestCap();
    }

    /** Maximum open-interest notional (quote micros), 0 for none; starts at the spec's, breakers may change it. */
    public long openInterestCap() {
        return openInterestCap;
    }

    public void setOpenInterestCap(long cap) {
        if (cap < 0) {
            throw new IllegalArgumentException(spec.symbol() + ": open interest cap must be ≥ 0, got " + cap);
        }
        this.openInterestCap = cap;
    }

    public MarketSpec spec() {
        return spec;
    }

    public int id() {
        return spec.id();
    }

    public OrderBook book() {
        return book;
    }

    /** The latest oracle price in ticks; 0 until the first one arrives. */
    public long oraclePrice() {
        return oraclePrice;
    }

    /** Price of the latest trade; 0 before any. */
    public long lastTradePrice() {
        return lastTradePrice;
    }

    /** Mark price as of the latest {@link #updateMark}; the oracle price before any book exists. */
    public long markPrice() {
        return markPrice;
    }

    /** Open interest: total size of all long positions, in lots (equal to all shorts). */
    public long openInterest() {
        return openInterest;
    }

    /** Whether a circuit breaker has halted trading here. */
    public boolean halted() {
        return halted;
    }

    /** Sets or clears the halt flag (circuit breakers only). */
    public void halt(boolean halted) {
        this.halted = halted;
    }

    public void setOraclePrice(long price) {
        if (price <= 0) {
            throw new IllegalArgumentException(spec.symbol() + ": oracle price must be > 0 ticks, got " + price);
        }
        this.oraclePrice = price;
        if (markPrice == 0) {
            markPrice = price;
        }
    }

    public void recordTrade(long price, long openInterestChange) {
        this.lastTradePrice = price;
        this.openInterest += openInterestChange;
    }

    /**
     * Recomputes the mark price from the oracle, the book and the last trade (see the class comment);
     * {@code seconds} since the last update drive the premium's EMA.
     */
    public long updateMark(long seconds) {
        if (oraclePrice == 0) {
            return markPrice;
        }
        long bid = book.bestBid();
        long ask = book.bestAsk();
        long[] v = new long[3];
        int n = 0;
        if (bid != OrderBook.NO_PRICE) {
            v[n++] = bid;
        }
        if (ask != OrderBook.NO_PRICE) {
            v[n++] = ask;
        }
        if (lastTradePrice != 0) {
            v[n++] = lastTradePrice;
        }
        long raw = median(v, n, oraclePrice) - oraclePrice;
        long halfLife = spec.markSmoothingSeconds();
        if (halfLife > 0) {
            double keep = StrictMath.pow(0.5, seconds / (double) halfLife);
            premiumEma = keep * premiumEma + (1 - keep) * raw;
        } else {
            premiumEma = raw;
        }
        long band = Math.max(0, oraclePrice * spec.markBandPpm() / 1_000_000);
        markPrice = oraclePrice + Math.max(-band, Math.min(band, Math.round(premiumEma)));
        return markPrice;
    }

    /** Adds {@code seconds} of the current premium (mark vs oracle) to the funding average. */
    public void samplePremium(long seconds) {
        if (oraclePrice == 0 || seconds <= 0) {
            return;
        }
        long premiumPpb = (markPrice - oraclePrice) * 1_000_000_000L / oraclePrice;
        premiumPpbSeconds += premiumPpb * seconds;
        premiumSeconds += seconds;
    }

    /** The time-weighted average premium since the last funding payment, in ppb. */
    public long averagePremiumPpb() {
        return premiumSeconds == 0 ? 0 : premiumPpbSeconds / premiumSeconds;
    }

    /** Whether a funding payment is due at {@code now} (seconds). */
    public boolean fundingDue(long now) {
        return spec.funding().enabled() && now - lastFundingTime >= spec.funding().intervalSeconds();
    }

    /** Restarts the premium average after a payment at {@code now}. */
    public void fundingPaid(long now) {
        lastFundingTime = now;
        premiumPpbSeconds = 0;
        premiumSeconds = 0;
    }

    /** Starts the funding clock (the first payment is one interval later). */
    public void startFundingClock(long now) {
        lastFundingTime = now;
    }

    private static long median(long[] v, int n, long fallback) {
        switch (n) {
            case 0:
                return fallback;
            case 1:
                return v[0];
            case 2:
                return Math.floorDiv(v[0] + v[1], 2);
            default:
                long a = v[0];
                long b = v[1];
                long c = v[2];
                return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
        }
    }
}
