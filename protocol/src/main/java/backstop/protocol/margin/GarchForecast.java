package backstop.protocol.margin;

/**
 * The GARCH(1,1) volatility forecast of one price series: the last returns (normalised per second, as in
 * {@link EwmaVolatility}), the model last fitted to them and its next-period variance, filtered forward
 * with every return after the fit.
 */
final class GarchForecast {
    private final double[] ring;
    private int next;
    private int count;
    private long lastPrice;
    private long lastTime;
    private boolean started;
    private Garch11 model;
    private double nextVariance;
    private long blocksSinceFitAttempt = Long.MAX_VALUE;

    GarchForecast(int windowReturns) {
        this.ring = new double[windowReturns];
    }

    /** Returns held (at most the window). */
    int count() {
        return count;
    }

    /** The fitted model, or null before the first successful fit. */
    Garch11 model() {
        return model;
    }

    /** Samples taken since the last fit was attempted (very large before any). */
    long blocksSinceFitAttempt() {
        return blocksSinceFitAttempt;
    }

    /**
     * Takes one block's price (ticks, ignored if ≤ 0): adds the return since the previous price if time has
     * passed, filtering the model forward. Returns true if a return was added.
     */
    boolean sample(long price, long now) {
        if (blocksSinceFitAttempt != Long.MAX_VALUE) {
            blocksSinceFitAttempt++;
        }
        if (price <= 0) {
            return false;
        }
        if (!started) {
            started = true;
            lastPrice = price;
            lastTime = now;
            return false;
        }
        if (now <= lastTime) {
            return false;
        }
        double x = EwmaVolatility.logReturn(lastPrice, price) / StrictMath.sqrt(now - lastTime);
        ring[next] = x;
        next = (next + 1) % ring.length;
        count = Math.min(count + 1, ring.length);
        lastPrice = price;
        lastTime = now;
        if (model != null) {
            nextVariance = model.next(nextVariance, x);
        }
        return true;
    }

    /** Refits on the window in time order; true if a model was fitted (otherwise the old one stays). */
    boolean refit() {
        blocksSinceFitAttempt = 0;
        double[] x = new double[count];
        int start = count < ring.length ? 0 : next;
        for (int i = 0; i < count; i++) {
            x[i] = ring[(start + i) % ring.length];
        }
        Garch11 fitted = Garch11.fit(x);
        if (fitted == null) {
            return false;
        }
        model = fitted;
        nextVariance = fitted.filter(x, Garch11.meanSquare(x));
        return true;
    }

    /** Mean forecast variance over the next {@code horizon} periods, annualised as a volatility; NaN unfitted. */
    double annualized(int horizon) {
        if (model == null) {
            return Double.NaN;
        }
        return StrictMath.sqrt(model.meanForecast(nextVariance, horizon) * EwmaVolatility.SECONDS_PER_YEAR);
    }
}
