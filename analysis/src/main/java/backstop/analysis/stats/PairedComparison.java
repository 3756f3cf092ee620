package backstop.analysis.stats;

/**
 * A design against a baseline on common seeds (DESIGN.md §6): the per-seed differences design − baseline,
 * their mean with a t confidence interval, and the share of seeds where the design came out lower or higher
 * (for a loss metric such as bad debt, lower is better).
 */
public record PairedComparison(int n, double meanDifference, double ciLow, double ciHigh, double shareLower,
                               double shareHigher, double confidence) {

    /** {@code design[i]} and {@code baseline[i]} must come from the same seed. */
    public static PairedComparison of(double[] design, double[] baseline, double confidence) {
        if (design.length != baseline.length) {
            throw new IllegalArgumentException("paired samples must have the same length, got " + design.length
                    + " and " + baseline.length);
        }
        int n = design.length;
        double[] diff = new double[n];
        int lower = 0;
        int higher = 0;
        for (int i = 0; i < n; i++) {
            diff[i] = design[i] - baseline[i];
            lower += diff[i] < 0 ? 1 : 0;
            higher += diff[i] > 0 ? 1 : 0;
        }
        Estimate e = Estimate.t(diff, confidence);
        return new PairedComparison(n, e.mean(), e.ciLow(), e.ciHigh(), n == 0 ? Double.NaN : lower / (double) n,
                n == 0 ? Double.NaN : higher / (double) n, confidence);
    }
}
