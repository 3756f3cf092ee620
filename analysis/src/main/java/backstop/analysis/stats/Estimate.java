package backstop.analysis.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A sample mean with its confidence interval: Student-t ({@link #t}) or percentile bootstrap
 * ({@link #bootstrap}, seeded so it is reproducible). NaN bounds with fewer than two values.
 */
public record Estimate(int n, double mean, double sd, double ciLow, double ciHigh, double confidence) {

    /** Mean ± t(1 − α/2, n − 1) × sd / √n. */
    public static Estimate t(double[] xs, double confidence) {
        checkConfidence(confidence);
        int n = xs.length;
        double mean = n == 0 ? Double.NaN : new Mean().evaluate(xs);
        if (n < 2) {
            return new Estimate(n, mean, Double.NaN, Double.NaN, Double.NaN, confidence);
        }
        double sd = new StandardDeviation(true).evaluate(xs);
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.5 + confidence / 2) * sd / Math.sqrt(n);
        return new Estimate(n, mean, sd, mean - half, mean + half, confidence);
    }

    /** Percentile bootstrap of the mean over {@code resamples} resamples drawn with {@code seed}. */
    public static Estimate bootstrap(double[] xs, double confidence, int resamples, long seed) {
        checkConfidence(confidence);
        int n = xs.length;
        double mean = n == 0 ? Double.NaN : new Mean().evaluate(xs);
        if (n < 2 || resamples < 2) {
            return new Estimate(n, mean, Double.NaN, Double.NaN, Double.NaN, confidence);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += xs[rnd.nextInt(n)];
            }
            means[r] = s / n;
        }
        Arrays.sort(means);
        double alpha = (1 - confidence) / 2;
        return new Estimate(n, mean, new StandardDeviation(true).evaluate(xs), Quantiles.sorted(means, alpha),
                Quantiles.sorted(means, 1 - alpha), confidence);
    }

    static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }
}
