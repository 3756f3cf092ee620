package backstop.experiments.study;

import backstop.analysis.RunResults;
import backstop.experiments.scenario.ScenarioSpec;

/**
 * A measure of one market's price series ({@link PriceSeries}): it reads the series the study's params name and
 * computes one number from its samples. Subclasses say which number.
 */
abstract class SeriesMeasure implements Measure {
    private final PriceSeries series;

    SeriesMeasure(PriceSeries series) {
        this.series = series;
    }

    /** The number this measure takes from the run's samples. */
    abstract double of(PriceSeries.Samples samples);

    @Override
    public final double value(RunResults run) {
        return of(series.of(run));
    }

    @Override
    public final boolean needsFullEvents() {
        return series.fromTrades();
    }

    @Override
    public void check(ScenarioSpec scenario, String where) {
        series.check(scenario, where);
    }
}
