package backstop.experiments.sweep;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigException;
import backstop.experiments.results.AtomicFiles;
import backstop.experiments.results.EventJsonl;
import backstop.experiments.results.Json;
import backstop.experiments.results.RunDirectory;
import backstop.experiments.results.RunFolder;
import backstop.experiments.results.RunManifest;
import backstop.experiments.run.RunResult;
import backstop.experiments.run.WorldRun;
import backstop.experiments.scenario.ScenarioSpec;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a {@link SweepPlan} into a sweep folder: {@code sweep.json}, one complete run folder per run under
 * {@code runs/<run_id>/} (each built in a staging folder and renamed, as {@code backstop run} does), then
 * {@code runs.csv} and {@code comparison.csv} from the runs' {@code summary.json} files. Runs execute on a fixed
 * pool of threads, but every file depends only on the plan, so the output is the same for any thread count.
 */
public final class SweepRunner {
    private static final String TIMING = "wall_seconds";
    private final SweepPlan plan;
    private final Path out;
    private final String version;
    private final ObjectMapper json = Json.mapper();

    /** What an invocation did: runs executed, runs skipped as already complete, and the ids of failed runs. */
    public record Outcome(int executed, int skipped, List<String> failed) {
    }

    /** {@code version} is the program version recorded in every manifest and in sweep.json. */
    public SweepRunner(SweepPlan plan, Path out, String version) {
        this.plan = plan;
        this.version = version;
        this.out = out.toAbsolutePath().normalize();
    }

    /**
     * Checks that the output folder may be used: without {@code resume} it must not exist or be empty; with it,
     * a {@code sweep.json} already there must be the one this plan writes. Throws {@link ConfigException}.
     */
    public void checkOutput(boolean resume) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new ConfigException("--out " + out + ": exists and is not a folder");
        }
        if (!resume) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new ConfigException("--out " + out + ": already exists; use --resume to finish that sweep, or"
                            + " another --out");
                }
            }
            return;
        }
        Path spec = out.resolve("sweep.json");
        if (Files.exists(spec) && !Arrays.equals(Files.readAllBytes(spec), sweepJson())) {
            throw new ConfigException("--resume " + out + ": its sweep.json differs from this sweep file; the finished"
                    + " runs there belong to another sweep");
        }
    }

    /**
     * Runs every run that is not complete ({@code resume}) or every run, on {@code threads} threads, then writes
     * the tables if none failed; progress goes to {@code log}, redrawn in place when {@code terminal}.
     */
    public Outcome run(int threads, boolean resume, PrintStream log, boolean terminal)
            throws IOException, InterruptedException {
        if (threads < 1) {
            throw new ConfigException("--threads: must be ≥ 1, got " + threads);
        }
        checkOutput(resume);
        Path runs = out.resolve("runs");
        Files.createDirectories(runs);
        AtomicFiles.write(out.resolve("sweep.json"), sweepJson());
        // Tables are rebuilt from the run folders; none may outlive a change to them.
        Files.deleteIfExists(out.resolve("runs.csv"));
        Files.deleteIfExists(out.resolve("comparison.csv"));
        List<PlannedRun> pending = new ArrayList<>();
        for (PlannedRun r : plan.runs()) {
            if (!resume || !complete(runs, r.id())) {
                pending.add(r);
            }
        }
        Progress progress = new Progress(log, terminal, plan.runs().size(), plan.runs().size() - pending.size(),
                System::nanoTime);
        List<String> failed = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (PlannedRun r : pending) {
                results.add(pool.submit(() -> {
                    String failure = null;
                    try {
                        execute(runs, r);
                    } catch (Exception | Error e) {
                        failure = e.toString();
                    }
                    progress.finished(r.id(), failure);
                    return failure;
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).get() != null) {
                    failed.add(pending.get(i).id());
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a sweep task failed outside its run", e.getCause());
        } finally {
            pool.shutdownNow();
            progress.close();
        }
        if (failed.isEmpty()) {
            writeTables(runs);
        }
        return new Outcome(pending.size() - failed.size(), plan.runs().size() - pending.size(), List.copyOf(failed));
    }

    /** A run folder is complete when it exists with its summary and no staging folder of a later attempt remains. */
    static boolean complete(Path runs, String id) {
        return Files.isRegularFile(runs.resolve(id).resolve("summary.json"))
                && !Files.exists(runs.resolve("." + id + ".partial"));
    }

    private void execute(Path runs, PlannedRun run) throws IOException {
        ScenarioSpec scenario = SweepPlan.scenarioOf(plan.scenario(), run);
        RunDirectory folder = new RunDirectory(runs.resolve(run.id()));
        try {
            RunResult result;
            try (EventJsonl events = new EventJsonl(folder.staging().resolve("events.jsonl"), Json.mapper())) {
                result = WorldRun.run(scenario, run.design(), run.seed(), events);
            }
            RunFolder.write(folder.staging(), result, RunManifest.of(scenario, run.design(), run.seed(), run.overrides(), version, result));
            folder.commit();
        } catch (Exception | Error e) {
            folder.abandon();
            throw e;
        }
    }


    private void writeTables(Path runs) throws IOException {
        List<RunRow> rows = new ArrayList<>();
        for (PlannedRun r : plan.runs()) {
            Map<String, Number> metrics = json.readValue(runs.resolve(r.id()).resolve("summary.json").toFile(),
                    new TypeReference<LinkedHashMap<String, Number>>() { });
            metrics.remove(TIMING);
            rows.add(new RunRow(r.id(), r.design().name(), r.point(), r.seed(), metrics));
        }
        List<String> paths = List.copyOf(plan.points().get(0).values().keySet());
        AtomicFiles.write(out.resolve("runs.csv"), SweepTables.runs(rows, paths));
        AtomicFiles.write(out.resolve("comparison.csv"), SweepTables.comparison(rows, plan.baseline()));
    }

    private byte[] sweepJson() throws IOException {
        Map<String, Object> resolved = plan.resolved();
        resolved.put("version", version);
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(resolved);
    }

    /** The sweep folder. */
    public Path out() {
        return out;
    }
}
