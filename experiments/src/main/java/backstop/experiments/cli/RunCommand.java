package backstop.experiments.cli;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigException;
import backstop.experiments.design.DesignOverrides;
import backstop.experiments.design.DesignSpec;
import backstop.experiments.design.Presets;
import backstop.experiments.results.EventJsonl;
import backstop.experiments.results.EventLevel;
import backstop.experiments.results.Json;
import backstop.experiments.results.RunDirectory;
import backstop.experiments.results.RunFolder;
import backstop.experiments.results.RunManifest;
import backstop.experiments.results.RunResult;
import backstop.experiments.run.Interventions;
import backstop.experiments.run.WorldRun;
import backstop.experiments.scenario.ScenarioSpec;
import backstop.experiments.scenario.Scenarios;
import backstop.protocol.metric.Metric;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code backstop run}: one scenario under one design on one seed; prints a summary and writes a run folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario (library name or YAML file) under a design and write a run folder.")
final class RunCommand implements Callable<Integer> {
    static final String DEFAULT_SCENARIO = "black-thursday-2020";
    static final String DEFAULT_PRESET = "none";

    @Parameters(index = "0", arity = "0..1", description = "Scenario name or YAML file (default: ${DEFAULT-VALUE}).",
            defaultValue = DEFAULT_SCENARIO)
    String scenario;

    @Option(names = "--preset", description = "Design: preset name or YAML file (default: ${DEFAULT-VALUE}).",
            defaultValue = DEFAULT_PRESET)
    String preset;

    @Option(names = "--seed", description = "Run seed (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(names = "--set", description = "Override a scenario key, e.g. --set duration_seconds=600, or a design key"
            + " with the prefix design., e.g. --set design.insurance_fund=0 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", description = "Run folder (default: results/<scenario>-<preset>-seed<SEED>).")
    Path out;

    @Option(names = "--events", paramLabel = "LEVEL", description = "Events file: full (every event, the default),"
            + " losses (what a loss study needs) or none. The summary and the CSV tables are the same at every level.")
    String events;

    @Option(names = "--force", description = "Replace an earlier run folder at the output path (never a file or a"
            + " folder Backstop did not write).")
    boolean force;

    @Option(names = "--interventions", paramLabel = "FILE", description = "Apply mid-run edits (shocks, insurance"
            + " top-ups, parameter changes, added breakers) from a JSON list, or replay those of a run folder's"
            + " manifest.json, such as a saved GUI run's.")
    Path interventionsFile;

    @Override
    public Integer call() throws Exception {
        // Both are checked before either is refused, so one attempt reports the problems of both.
        List<String> problems = new ArrayList<>();
        EventLevel level = null;
        try {
            level = events == null ? EventLevel.RUN_DEFAULT : EventLevel.parse(events, "--events");
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        ScenarioSpec spec = null;
        DesignSpec design = null;
        try {
            spec = Scenarios.load(scenario, DesignOverrides.scenarioPart(overrides));
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        try {
            design = DesignOverrides.apply(Presets.loadOrFile(preset), overrides);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        design.checkMarkets(spec.markets().size(), spec.name());
        Interventions edits = Interventions.none();
        if (interventionsFile != null) {
            try {
                edits = Interventions.read(interventionsFile, Json.mapper()).checkWithin(spec.world().blocks());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(List.of(e.getMessage()));
            }
        }
        Path dir = out != null ? out : Path.of("results", spec.name() + "-" + design.name() + "-seed" + seed);
        RunDirectory folder = new RunDirectory(dir, force);
        try {
            RunResult result;
            try (EventJsonl events = EventJsonl.open(folder.staging(), level)) {
                if (System.console() != null) {
                    RunProgress progress = new RunProgress(System.err, spec.world().blocks(), spec.blockSeconds(),
                            System::nanoTime);
                    result = WorldRun.run(spec, design, seed, events, progress::block, edits);
                    progress.close();
                } else {
                    result = WorldRun.run(spec, design, seed, events, block -> { }, edits);
                }
            }
            RunFolder.write(folder.staging(), result, RunManifest.of(spec, design, seed, overrides, Main.VERSION, level, result,
                    edits.manifestEntries(ConfigBinder.mapper())));
            Path written = folder.commit();
            printSummary(spec, design, result);
            System.out.println("results: " + written);
            printNext(spec, design, seed, written);
            return 0;
        } catch (Exception | Error e) {
            folder.abandon();
            throw e;
        }
    }

    /** The summary grouped as its metrics declare, each value with its unit. */
    static void printSummary(ScenarioSpec spec, DesignSpec design, RunResult result) {
        System.out.printf("scenario %s · design %s%n", spec.name(), design.name());
        int width = result.summary().keySet().stream().mapToInt(String::length).max().orElse(10);
        Metric.Group group = null;
        for (Metric metric : result.metrics()) {
            if (metric.group() != group) {
                group = metric.group();
                System.out.println(" " + group.title());
            }
            Object v = result.summary().get(metric.name());
            String text = v instanceof Double d ? String.format(Locale.ROOT, "%,.4f", d) : String.valueOf(v);
            String unit = metric.unit().symbol();
            System.out.printf("  %-" + width + "s  %s%s%n", metric.name(), text, unit.isEmpty() ? "" : " " + unit);
        }
    }

    /** The commands that come next: the run's report, the same run under another design, a sweep of designs. */
    static void printNext(ScenarioSpec spec, DesignSpec design, long seed, Path written) {
        String other = design.name().equals("maker-liq2") ? "dydx-v4" : "maker-liq2";
        System.out.println("next:");
        System.out.println("  ./backstop report " + written + "                  # the run's report (HTML)");
        System.out.println("  ./backstop run " + spec.name() + " --preset " + other + " --seed " + seed
                + "   # the same run under another design");
        System.out.println("  ./backstop sweep experiments/sweeps/loss-borne.yaml   # every preset on common seeds");
    }
}
