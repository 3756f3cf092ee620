package backstop.experiments.study;

import backstop.analysis.facts.StylizedFacts;
import backstop.model.spec.Doc;

/**
 * {@code abs-return-acf-min}: the least autocorrelation of absolute log returns over lags 1 to {@code max_lag} —
 * above 0 exactly when |r| is positively autocorrelated at every one of those lags. Params: those of
 * {@link PriceSeries} and {@code max_lag}.
 */
final class AbsReturnAcfMin extends SeriesMeasure {
    /** Its own parameter. */
    record Params(@Doc(value = "the last lag", range = "[1, ∞)", absent = "10") Integer maxLag) {
        Params {
            maxLag = maxLag == null ? 10 : maxLag;
        }
    }

    private final int maxLag;

    AbsReturnAcfMin(PriceSeries series, Params params) {
        super(series);
        this.maxLag = params.maxLag();
    }

    @Override
    double of(PriceSeries.Samples samples) {
        double[] abs = AbsReturnAutocorrelation.absolute(samples.returns());
        double min = Double.POSITIVE_INFINITY;
        for (int lag = 1; lag <= maxLag; lag++) {
            double a = StylizedFacts.autocorrelation(abs, lag);
            if (Double.isNaN(a)) {
                return Double.NaN;
            }
            min = Math.min(min, a);
        }
        return min;
    }
}
