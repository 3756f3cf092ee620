package backstop.experiments.study;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigException;
import backstop.experiments.results.AtomicFiles;
import backstop.experiments.results.Json;
import backstop.experiments.results.RunDirectory;
import backstop.experiments.results.RunFolder;
import backstop.experiments.results.RunManifest;
import backstop.experiments.sweep.ParameterPoint;
import backstop.experiments.sweep.Progress;
import backstop.experiments.sweep.RunRow;
import backstop.experiments.sweep.SweepPlan;
import backstop.experiments.sweep.SweepSpec;
import backstop.experiments.sweep.SweepTables;
import backstop.protocol.metric.Metric;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study's sweep whose scenario names a {@link Replay}: each of its designs on each seed, run by the replay into a
 * run folder of {@code manifest.json}, {@code summary.json} and {@code metrics.json} (there is no world: no time
 * series, agents, flows, markets or events), then {@code sweep.json}, {@code runs.csv}, {@code comparison.csv} and
 * {@code metrics.json} as a sweep writes them. Its keys are a sweep's (bound as one, so an unknown key is refused)
 * bar {@code parameters} and {@code events}; its designs are the replay's, its overrides checked by the replay. The
 * runs go one after another: a replay's run takes a fraction of a second.
 */
public record ReplaySweep(String name, String description, Replay replay, List<String> designNames, String baseline,
                          List<String> overrides, List<Long> seeds, List<Run> runs) implements StudySweep {
    /** A replay has one parameter point, without values. */
    private static final List<ParameterPoint> POINTS = List.of(new ParameterPoint(0, Map.of()));

    public ReplaySweep {
        designNames = List.copyOf(designNames);
        overrides = List.copyOf(overrides);
        seeds = List.copyOf(seeds);
        runs = List.copyOf(runs);
    }

    /** Checks a study's sweep document that names {@code replay}; errors name {@code where}'s key and the value. */
    static ReplaySweep of(ObjectNode doc, String where, Replay replay) {
        SweepSpec spec = ConfigBinder.bind(doc, SweepSpec.class, where);
        String name = SweepPlan.safeName(spec.name(), "name", where);
        String kind = "a replay (" + replay.name() + ")";
        if (spec.parameters() != null) {
            throw new ConfigException(where + ": parameters: " + kind + " has no parameters to vary; give none");
        }
        if (doc.has("events")) {
            throw new ConfigException(where + ": events: " + kind + " writes no events file; give none");
        }
        String known = String.join(", ", replay.designs());
        if (spec.designs().isEmpty()) {
            throw new ConfigException(where + ": designs: must list at least one of the replay's designs (" + known + ")");
        }
        List<String> designs = new ArrayList<>();
        for (int i = 0; i < spec.designs().size(); i++) {
            JsonNode d = spec.designs().get(i);
            if (d == null || !d.isTextual() || !replay.designs().contains(d.asText())) {
                throw new ConfigException(where + ": designs[" + i + "]: " + (d != null && d.isTextual() ? "'" + d.asText()
                        + "'" : d) + " is not a design of replay " + replay.name() + " (" + known + ")");
            }
            if (designs.contains(d.asText())) {
                throw new ConfigException(where + ": designs[" + i + "]: '" + d.asText() + "' is listed twice");
            }
            designs.add(d.asText());
        }
        String baseline = spec.baseline() != null ? spec.baseline() : designs.get(0);
        if (!designs.contains(baseline)) {
            throw new ConfigException(where + ": baseline: '" + baseline + "' is not one of the designs ("
                    + String.join(", ", designs) + ")");
        }
        List<Long> seeds = SweepPlan.seeds(spec.replications(), spec.baseSeed(), where);
        List<String> overrides = spec.overrides();
        for (int i = 0; i < overrides.size(); i++) {
            try {
                replay.check(overrides.subList(0, i + 1));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": overrides[" + i + "]: " + e.getMessage());
            }
        }
        List<Run> runs = new ArrayList<>();
        for (String d : designs) {
            for (long seed : seeds) {
                runs.add(new Run(SweepPlan.runId(d, 0, POINTS.size(), seed, seeds), d, POINTS.get(0), seed));
            }
        }
        runs.sort(Comparator.comparing(Run::id));
        return new ReplaySweep(name, spec.description(), replay, designs, baseline, overrides, seeds, runs);
    }

    @Override
    public List<ParameterPoint> points() {
        return POINTS;
    }

    /** A replay's runs hold summary metrics only: a measure (which reads a world's files), a point or a slope is refused. */
    @Override
    public Measure operand(StudySpec.Simulated s, Map<String, JsonNode> point, String where) {
        String kind = "sweep '" + name + "' is a replay (" + replay.name() + ")";
        if (s.measure() != null) {
            throw new ConfigException(where + ".measure: " + kind + ", whose runs hold summary metrics only, not the"
                    + " result files of an agent world a measure reads; give a metric ("
                    + String.join(", ", replay.metrics().stream().map(Metric::name).toList()) + ")");
        }
        if (point != null && !point.isEmpty()) {
            throw new ConfigException(where + ".point: " + kind + ", which has no parameter points, got " + point);
        }
        if (s.slope() != null) {
            throw new ConfigException(where + ".slope: " + kind + ", which has no grid axis, got '" + s.slope() + "'");
        }
        return null;
    }

    @Override
    public Map<String, Object> resolved() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", description);
        m.put("kind", "replay");
        m.put("scenario", replay.name());
        m.put("overrides", overrides);
        m.put("baseline", baseline);
        m.put("replications", seeds.size());
        m.put("base_seed", seeds.get(0));
        m.put("seeds", seeds);
        m.put("designs", designNames);
        m.put("runs", runs.stream().map(Run::id).toList());
        return m;
    }

    @Override
    public List<String> run(Path dir, String version, int threads, PrintStream log, boolean terminal)
            throws IOException {
        Path folders = dir.resolve("runs");
        Files.createDirectories(folders);
        Map<String, Object> resolved = resolved();
        resolved.put("version", version);
        AtomicFiles.write(dir.resolve("sweep.json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(resolved));
        Progress progress = new Progress(log, terminal, runs.size(), 0, System::nanoTime);
        List<String> failed = new ArrayList<>();
        try {
            for (Run r : runs) {
                String failure = null;
                try {
                    execute(folders, r, version);
                } catch (Exception | Error e) {
                    failure = e.toString();
                    failed.add(r.id());
                }
                progress.finished(r.id(), failure);
            }
        } finally {
            progress.close();
        }
        if (failed.isEmpty()) {
            List<RunRow> rows = new ArrayList<>();
            for (Run r : runs) {
                rows.add(RunRow.read(folders, r.id(), r.design(), r.point(), r.seed()));
            }
            SweepTables.write(dir, rows, List.of(), baseline);
        }
        return List.copyOf(failed);
    }

    private void execute(Path folders, Run r, String version) throws IOException {
        RunDirectory folder = new RunDirectory(folders.resolve(r.id()));
        try {
            long start = System.nanoTime();
            Map<String, Object> summary = replay.run(r.design(), r.seed(), overrides);
            RunFolder.writeSummary(folder.staging(), summary, replay.metrics(), RunManifest.replay(replay.name(),
                    r.design(), r.seed(), overrides, version, (System.nanoTime() - start) / 1e9));
            folder.commit();
        } catch (Exception | Error e) {
            folder.abandon();
            throw e;
        }
    }
}
