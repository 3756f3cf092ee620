package backstop.experiments.study;

import backstop.analysis.facts.StylizedFacts;
import backstop.model.spec.Doc;

/**
 * {@code abs-return-autocorrelation}: the sample autocorrelation of absolute log returns at one lag (volatility
 * clustering — Cont 2001, fact 8: positive over many lags, slowly decaying). Params: those of {@link PriceSeries}
 * and {@code lag}.
 */
final class AbsReturnAutocorrelation extends SeriesMeasure {
    /** Its own parameter. */
    record Params(@Doc(value = "the lag, in samples of the horizon", range = "[1, ∞)", absent = "1") Integer lag) {
        Params {
            lag = lag == null ? 1 : lag;
        }
    }

    private final int lag;

    AbsReturnAutocorrelation(PriceSeries series, Params params) {
        super(series);
        this.lag = params.lag();
    }

    @Override
    double of(PriceSeries.Samples samples) {
        return StylizedFacts.autocorrelation(absolute(samples.returns()), lag);
    }

    /** |r| of every return. */
    static double[] absolute(double[] returns) {
        double[] abs = new double[returns.length];
        for (int i = 0; i < abs.length; i++) {
            abs[i] = Math.abs(returns[i]);
        }
        return abs;
    }
}
