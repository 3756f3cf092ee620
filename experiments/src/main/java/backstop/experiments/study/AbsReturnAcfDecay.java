package backstop.experiments.study;

import backstop.analysis.facts.StylizedFacts;
import backstop.model.spec.Doc;

/**
 * {@code abs-return-acf-decay}: the autocorrelation of absolute log returns at lag {@code from} minus that at lag
 * {@code to} — above 0 when the autocorrelation decays between them. Params: those of {@link PriceSeries},
 * {@code from} and {@code to}.
 */
final class AbsReturnAcfDecay extends SeriesMeasure {
    /** Its own parameters. */
    record Params(@Doc(value = "the first lag", range = "[1, ∞)", absent = "1") Integer from,
                  @Doc(value = "the later lag", range = "[1, ∞)", absent = "10") Integer to) {
        Params {
            from = from == null ? 1 : from;
            to = to == null ? 10 : to;
        }
    }

    private final int from;
    private final int to;

    AbsReturnAcfDecay(PriceSeries series, Params params) {
        super(series);
        if (params.to() <= params.from()) {
            throw new backstop.experiments.config.ConfigException("params.to: must be above from (" + params.from()
                    + "), got " + params.to());
        }
        this.from = params.from();
        this.to = params.to();
    }

    @Override
    double of(PriceSeries.Samples samples) {
        double[] abs = AbsReturnAutocorrelation.absolute(samples.returns());
        return StylizedFacts.autocorrelation(abs, from) - StylizedFacts.autocorrelation(abs, to);
    }
}
