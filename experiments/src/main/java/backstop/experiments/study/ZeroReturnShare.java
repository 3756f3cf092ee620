package backstop.experiments.study;

/**
 * {@code zero-return-share}: the share of the series' log returns that are exactly 0 — the price did not change over
 * the horizon (for the oracle: it did not publish; for trades: nothing traded, or at the same tick). Params: those of
 * {@link PriceSeries}.
 */
final class ZeroReturnShare extends SeriesMeasure {
    ZeroReturnShare(PriceSeries series) {
        super(series);
    }

    @Override
    double of(PriceSeries.Samples samples) {
        double[] r = samples.returns();
        if (r.length == 0) {
            return Double.NaN;
        }
        int zero = 0;
        for (double x : r) {
            zero += x == 0 ? 1 : 0;
        }
        return zero / (double) r.length;
    }
}
