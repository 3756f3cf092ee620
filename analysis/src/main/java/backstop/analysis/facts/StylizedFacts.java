package backstop.analysis.facts;

import backstop.analysis.Table;
import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;

import java.util.ArrayList;
import java.util.List;

/**
 * Stylized facts of one market's price path (Cont 2001): fat tails (excess kurtosis of log returns),
 * volatility clustering (autocorrelation of |r| at lags 1–10), and how closely the perp mark tracks the index.
 */
public record StylizedFacts(int returns, double excessKurtosis, List<Double> absReturnAutocorrelation,
                            double markWithinBand, double band) {
    /** Lags of the |r| autocorrelation: 1 to this. */
    public static final int MAX_LAG = 10;

    /** Facts of market {@code market} (a column prefix such as {@code eth-usd}): returns of its mark price. */
    public static StylizedFacts of(Table timeseries, String market, double band) {
        double[] mark = timeseries.column(market + "_mark");
        return of(mark, mark, timeseries.column(market + "_index"), band);
    }

    /** Facts of {@code prices}, and the share of samples where |mark / index − 1| ≤ band. */
    public static StylizedFacts of(double[] prices, double[] mark, double[] index, double band) {
        double[] r = logReturns(prices);
        List<Double> acf = new ArrayList<>();
        double[] abs = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            abs[i] = Math.abs(r[i]);
        }
        for (int lag = 1; lag <= MAX_LAG; lag++) {
            acf.add(autocorrelation(abs, lag));
        }
        return new StylizedFacts(r.length, excessKurtosis(r), List.copyOf(acf), shareWithinBand(mark, index, band), band);
    }

    /**
     * ln(p[t] / p[t−1]) for consecutive samples that are both finite and positive; a pair with a missing
     * price (NaN before the first quote) is skipped rather than bridged.
     */
    public static double[] logReturns(double[] prices) {
        double[] out = new double[Math.max(prices.length - 1, 0)];
        int n = 0;
        for (int t = 1; t < prices.length; t++) {
            if (usable(prices[t - 1]) && usable(prices[t])) {
                out[n++] = Math.log(prices[t] / prices[t - 1]);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static boolean usable(double p) {
        return Double.isFinite(p) && p > 0;
    }

    /** Bias-corrected sample excess kurtosis (Commons Math; 0 for a normal sample); NaN below 4 values. */
    public static double excessKurtosis(double[] xs) {
        return xs.length < 4 ? Double.NaN : new Kurtosis().evaluate(xs);
    }

    /**
     * Sample autocorrelation at {@code lag}: Σ (x[t] − x̄)(x[t+lag] − x̄) / Σ (x[t] − x̄)², the usual ACF
     * estimator; NaN when the series is constant or shorter than lag + 2.
     */
    public static double autocorrelation(double[] xs, int lag) {
        if (lag < 1) {
            throw new IllegalArgumentException("lag must be ≥ 1, got " + lag);
        }
        int n = xs.length;
        if (n < lag + 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= n;
        double den = 0;
        for (double x : xs) {
            den += (x - mean) * (x - mean);
        }
        double num = 0;
        for (int t = 0; t + lag < n; t++) {
            num += (xs[t] - mean) * (xs[t + lag] - mean);
        }
        return den == 0 ? Double.NaN : num / den;
    }

    /** Share of samples with both prices finite and positive where |mark / index − 1| ≤ band; NaN if none. */
    public static double shareWithinBand(double[] mark, double[] index, double band) {
        if (mark.length != index.length) {
            throw new IllegalArgumentException("mark has " + mark.length + " samples but index has " + index.length);
        }
        if (!(band >= 0)) {
            throw new IllegalArgumentException("band must be ≥ 0, got " + band);
        }
        int n = 0;
        int within = 0;
        for (int i = 0; i < mark.length; i++) {
            if (usable(mark[i]) && usable(index[i])) {
                n++;
                within += Math.abs(mark[i] / index[i] - 1) <= band ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : within / (double) n;
    }
}
