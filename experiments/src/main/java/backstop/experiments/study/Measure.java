package backstop.experiments.study;

import backstop.analysis.RunResults;
import backstop.experiments.scenario.ScenarioSpec;

/**
 * A per-run number a study computes from a run's result files (summary, time series, events, agents) when the
 * summary has no metric for it. Each measure is one small class, registered by name in {@link Measures} with a
 * parameters record; a study names it as {@code simulated: {measure: NAME, params: {…}}}.
 */
public interface Measure {
    /** The run's value; NaN when it is undefined for this run (too few samples, a constant series). */
    double value(RunResults run);

    /** Whether the measure reads events that only the level {@code full} keeps (ordinary fills); default none. */
    default boolean needsFullEvents() {
        return false;
    }

    /**
     * Checks the measure's parameters against the scenario it will read (a market index, a horizon the time series
     * can give); throws {@link backstop.experiments.config.ConfigException} naming {@code where}. Default: nothing.
     */
    default void check(ScenarioSpec scenario, String where) {
    }
}
