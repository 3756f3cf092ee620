package backstop.protocol.market;

/**
 * Funding rule of a market (Binance / Hyperliquid form, MECHANISMS.md §2): the 8-hour rate is
 * F = P + clamp(I − P, −c, +c) with P the time-averaged premium and I the interest rate; each payment covers
 * {@code intervalSeconds} and pays F × interval / 8 h, capped at ±{@code maxRatePerIntervalPpb}.
 * All rates in parts per billion.
 */
public record FundingParams(long intervalSeconds, long interestRate8hPpb, long premiumClampPpb,
                            long maxRatePerIntervalPpb) {
    /** Hyperliquid: hourly, 0.01% / 8 h interest, ±0.05% clamp, 4% per hour cap. */
    public static final FundingParams HOURLY = new FundingParams(3600, 100_000, 500_000, 40_000_000);
    /** No funding at all. */
    public static final FundingParams NONE = new FundingParams(0, 0, 0, 0);

    public FundingParams {
        if (intervalSeconds < 0 || premiumClampPpb < 0 || maxRatePerIntervalPpb < 0) {
            throw new IllegalArgumentException("funding parameters must be ≥ 0");
        }
    }

    /** Whether funding is paid at all. */
    public boolean enabled() {
        return intervalSeconds > 0;
    }

    /**
     * The rate paid per interval (ppb of notional; positive: longs pay shorts) for an average premium
     * {@code avgPremiumPpb} (mark above index is a positive premium).
     */
    public long ratePerInterval(long avgPremiumPpb) {
        long rate8h = avgPremiumPpb + Math.max(-premiumClampPpb, Math.min(premiumClampPpb, interestRate8hPpb - avgPremiumPpb));
        long perInterval = rate8h * intervalSeconds / (8 * 3600);
        return Math.max(-maxRatePerIntervalPpb, Math.min(maxRatePerIntervalPpb, perInterval));
    }
}
