package backstop.experiments.study;

import backstop.analysis.facts.StylizedFacts;

/**
 * {@code excess-kurtosis}: the bias-corrected sample excess kurtosis of the series' log returns (Commons Math's
 * {@code Kurtosis}; 0 for normal returns, above 0 for fat tails — Cont 2001, fact 2). Params: those of
 * {@link PriceSeries}.
 */
final class ExcessKurtosis extends SeriesMeasure {
    ExcessKurtosis(PriceSeries series) {
        super(series);
    }

    @Override
    double of(PriceSeries.Samples samples) {
        return StylizedFacts.excessKurtosis(samples.returns());
    }
}
