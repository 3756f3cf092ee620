package backstop.protocol.market;

/**
 * One size tier of a market's margin schedule: positions whose notional is at most {@code maxNotional}
 * (quote micros) use these initial and maintenance fractions (ppm). Hyperliquid and Binance step margins up
 * with notional this way (MECHANISMS.md §2, §3).
 */
public record MarginTier(long maxNotional, long initialPpm, long maintenancePpm) {
    public MarginTier {
        if (maxNotional <= 0) {
            throw new IllegalArgumentException("tier maxNotional must be > 0, got " + maxNotional);
        }
        if (maintenancePpm <= 0 || maintenancePpm > initialPpm || initialPpm > 1_000_000) {
            throw new IllegalArgumentException("tier needs 0 < maintenancePpm ≤ initialPpm ≤ 1000000, got "
                    + maintenancePpm + " and " + initialPpm);
        }
    }

    /** A single unbounded tier: fixed fractions. */
    public static MarginTier flat(long initialPpm, long maintenancePpm) {
        return new MarginTier(Long.MAX_VALUE, initialPpm, maintenancePpm);
    }

    /** dYdX v4 style: maintenance = initial × maintenanceFraction (MECHANISMS.md §1 liquidity tiers). */
    public static MarginTier dydx(long initialPpm, long maintenanceFractionPpm) {
        return flat(initialPpm, initialPpm * maintenanceFractionPpm / 1_000_000);
    }
}
