package backstop.analysis.stats;

import java.util.Arrays;

/** Empirical quantiles by linear interpolation between order statistics (type 7, R's default). */
public final class Quantiles {
    private Quantiles() {
    }

    /** The {@code p}-quantile (p in [0, 1]) of the values; NaN when empty. */
    public static double of(double[] xs, double p) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        return sorted(sorted, p);
    }

    /** The {@code p}-quantile of already sorted values. */
    public static double sorted(double[] sorted, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
