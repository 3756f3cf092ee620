package backstop.experiments;

import backstop.experiments.design.DesignOverrides;
import backstop.experiments.design.DesignSpec;
import backstop.experiments.design.Presets;
import backstop.experiments.results.RunResult;
import backstop.experiments.run.WorldRun;
import backstop.experiments.scenario.ScenarioSpec;
import backstop.experiments.scenario.Scenarios;
import backstop.protocol.event.EventSink;

import java.util.List;

/**
 * The Java entry point for JShell and notebooks: run a scenario under a design in memory and get its results
 * (summary metrics by name, time series, value flows, agents). To read result folders written earlier, use
 * {@code backstop.analysis.Results.load(dir)}.
 */
public final class Backstop {
    private Backstop() {
    }

    /**
     * Runs a library scenario (or YAML file) under a preset (or design file) on {@code seed}, with optional
     * {@code --set}-style overrides such as {@code "duration_seconds=600"} (scenario) or
     * {@code "design.insurance_fund=0"} (design).
     */
    public static RunResult run(String scenario, String design, long seed, String... overrides) {
        List<String> all = List.of(overrides);
        return run(Scenarios.load(scenario, DesignOverrides.scenarioPart(all)),
                DesignOverrides.apply(Presets.loadOrFile(design), all), seed);
    }

    /** Runs an already loaded scenario under a design; events are discarded. */
    public static RunResult run(ScenarioSpec scenario, DesignSpec design, long seed) {
        return WorldRun.run(scenario, design, seed, EventSink.NONE);
    }

    /** Runs with every protocol event sent to {@code sink} (e.g. an {@code EventLog}). */
    public static RunResult run(ScenarioSpec scenario, DesignSpec design, long seed, EventSink sink) {
        return WorldRun.run(scenario, design, seed, sink);
    }
}
