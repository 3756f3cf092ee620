package backstop.analysis.game;

import backstop.analysis.stats.Estimate;

/**
 * The estimated payoff of one (profile, role, strategy): the mean over its samples (one per simulated replication),
 * the standard error sd/√n and the 95% Student-t interval; error and interval are NaN with a single sample.
 */
public record Payoff(int samples, double mean, double stdError, double ciLow, double ciHigh) {
    /** The interval's confidence. */
    public static final double CONFIDENCE = 0.95;

    public Payoff {
        if (samples < 1) {
            throw new IllegalArgumentException("payoff: samples " + samples + " must be ≥ 1");
        }
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("payoff: mean " + mean + " must be a finite number");
        }
    }

    /** From the replications' payoffs, through {@link Estimate#t}. */
    public static Payoff of(double[] samples) {
        for (double x : samples) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("payoff sample " + x + " must be a finite number");
            }
        }
        if (samples.length == 0) {
            throw new IllegalArgumentException("payoff: no samples");
        }
        Estimate e = Estimate.t(samples, CONFIDENCE);
        return new Payoff(e.n(), e.mean(), e.sd() / Math.sqrt(e.n()), e.ciLow(), e.ciHigh());
    }
}
