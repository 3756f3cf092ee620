package backstop.protocol.margin;

import backstop.protocol.money.Amounts;

/**
 * RiskMetrics-style exponentially weighted variance of one price series' log returns, one return per sample.
 *
 * <p>Units: each return r = ln(P_t / P_{t−1}) is divided by the seconds Δt it spans, so r²/Δt estimates the
 * variance per second whatever the block time, and the EWMA is v ← λ·v + (1 − λ)·r²/Δt. The annualised
 * volatility is √(v × 31,536,000) (a 365-day year: crypto trades around the clock). A price seen again at
 * the same time adds no sample; the move is counted once time advances. Doubles: this is a statistic, and
 * only the margin scale derived from it (an integer ppm) reaches accounts. {@link StrictMath} keeps results
 * identical on every machine.
 */
public final class EwmaVolatility {
    /** Seconds in the 365-day year used for annualising. */
    public static final double SECONDS_PER_YEAR = 365.0 * 86_400.0;

    private final double lambda;
    private double variancePerSecond;
    private long lastPrice;
    private long lastTime;
    private boolean started;

    /**
     * @param lambdaPpm             decay per sample in ppm, in [0, 1000000); RiskMetrics daily uses 940000
     * @param initialAnnualVolPpm   the annualised volatility the average starts from, in ppm (800000 = 80%/yr)
     */
    public EwmaVolatility(long lambdaPpm, long initialAnnualVolPpm) {
        if (lambdaPpm < 0 || lambdaPpm >= Amounts.PPM) {
            throw new IllegalArgumentException("lambdaPpm: must be in [0, 1000000), got " + lambdaPpm);
        }
        if (initialAnnualVolPpm < 0) {
            throw new IllegalArgumentException("initialAnnualVolPpm: must be ≥ 0, got " + initialAnnualVolPpm);
        }
        this.lambda = lambdaPpm / (double) Amounts.PPM;
        double sigma = initialAnnualVolPpm / (double) Amounts.PPM;
        this.variancePerSecond = sigma * sigma / SECONDS_PER_YEAR;
    }

    /**
     * Takes the price (ticks, ignored if ≤ 0) at {@code timeSeconds}; returns true when it added a return to
     * the average (not for the first price, nor when no time has passed since the previous sample).
     */
    public boolean sample(long price, long timeSeconds) {
        if (price <= 0) {
            return false;
        }
        if (!started) {
            started = true;
            lastPrice = price;
            lastTime = timeSeconds;
            return false;
        }
        long dt = timeSeconds - lastTime;
        if (dt <= 0) {
            return false;
        }
        double r = logReturn(lastPrice, price);
        variancePerSecond = lambda * variancePerSecond + (1 - lambda) * r * r / dt;
        lastPrice = price;
        lastTime = timeSeconds;
        return true;
    }

    /** ln(to / from), both in ticks. */
    static double logReturn(long from, long to) {
        return StrictMath.log((double) to / (double) from);
    }

    /** Current EWMA of r²/Δt (variance per second). */
    public double variancePerSecond() {
        return variancePerSecond;
    }

    /** Current annualised volatility as a fraction (0.8 = 80%/yr). */
    public double annualized() {
        return StrictMath.sqrt(variancePerSecond * SECONDS_PER_YEAR);
    }
}
