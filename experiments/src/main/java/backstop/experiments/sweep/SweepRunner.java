package backstop.experiments.sweep;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigException;
import backstop.experiments.results.AtomicFiles;
import backstop.experiments.results.EventJsonl;
import backstop.experiments.results.EventLevel;
import backstop.experiments.results.Json;
import backstop.experiments.results.RunDirectory;
import backstop.experiments.results.RunFolder;
import backstop.experiments.results.RunManifest;
import backstop.experiments.results.RunResult;
import backstop.experiments.run.WorldRun;
import backstop.experiments.scenario.ScenarioSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    private final SweepPlan plan;
    private final Path out;
    private final String version;
    private final ObjectMapper json = Json.mapper();
    private boolean parquet;

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
     * With {@code on}, the tables also get the sweep's Parquet dataset ({@code parquet/}, see
     * {@link backstop.experiments.dataset.ParquetDataset}); off by default. Returns this runner.
     */
    public SweepRunner parquet(boolean on) {
        this.parquet = on;
        return this;
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
            JsonNode before = json.readTree(spec.toFile());
            // A sweep.json written before event levels has no "events": its runs wrote every event.
            String level = before.path("events").asText(EventLevel.FULL.label());
            if (!level.equals(plan.events().label())) {
                throw new ConfigException("--resume " + out + ": its runs were written at events: " + level
                        + ", this sweep would write " + plan.events().label() + "; use --events " + level
                        + " (or another --out)");
            }
            ObjectNode ours = (ObjectNode) json.readTree(sweepJson());
            if (!before.has("events")) {
                ours.remove("events");
            }
            if (before.equals(ours)) {
                return;
            }
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
        return run(threads, resume, null, log, terminal);
    }

    /**
     * With a {@code shard}, runs only that shard's runs that are not yet complete (so a repeated array task only
     * finishes what is missing) and writes no tables: {@code backstop merge} builds them once every shard is done.
     * Several shards may run into the same folder at once; they share nothing but {@code sweep.json}, whose
     * content they agree on. Without a shard this is {@link #run(int, boolean, PrintStream, boolean)}.
     */
    public Outcome run(int threads, boolean resume, Shard shard, PrintStream log, boolean terminal)
            throws IOException, InterruptedException {
        if (threads < 1) {
            throw new ConfigException("--threads: must be ≥ 1, got " + threads);
        }
        boolean skipComplete = resume || shard != null;
        checkOutput(skipComplete);
        Path runs = out.resolve("runs");
        Files.createDirectories(runs);
        List<PlannedRun> mine = shard == null ? plan.runs() : shard.select(plan.runs());
        if (shard == null) {
            AtomicFiles.write(out.resolve("sweep.json"), sweepJson());
            // Tables are rebuilt from the run folders; none may outlive a change to them.
            SweepTables.removeAll(out);
        } else {
            writeOnce(out.resolve("sweep.json"), sweepJson());
            // Which runs this shard owns; the file name records the shard count, from which `backstop merge`
            // recomputes every shard's runs to say which shard to run again.
            Files.createDirectories(out.resolve(SHARDS));
            writeOnce(out.resolve(SHARDS).resolve(shardFile(shard)), String.join("\n",
                    mine.stream().map(PlannedRun::id).toList()).concat("\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        List<PlannedRun> pending = new ArrayList<>();
        for (PlannedRun r : mine) {
            if (!skipComplete || !complete(runs, r.id())) {
                pending.add(r);
            }
        }
        Progress progress = new Progress(log, terminal, mine.size(), mine.size() - pending.size(), System::nanoTime);
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
        if (failed.isEmpty() && shard == null) {
            writeTables(runs);
        }
        return new Outcome(pending.size() - failed.size(), mine.size() - pending.size(), List.copyOf(failed));
    }

    /**
     * Writes a file shards share (sweep.json, a shard's run list) through a temporary file of a unique name,
     * because shards starting together would otherwise write and rename the same temporary file; the content is
     * identical, so the last rename wins harmlessly. (checkOutput has already refused a sweep.json of another
     * sweep.)
     */
    private static void writeOnce(Path target, byte[] content) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial");
        try {
            Files.write(tmp, content);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The folder of a sharded sweep where each shard lists its runs, one file per shard. */
    public static final String SHARDS = "shards";

    /** {@code <K>-of-<N>.txt}: the run ids of shard K of N, one per line. */
    static String shardFile(Shard shard) {
        return shard.index() + "-of-" + shard.count() + ".txt";
    }

    /** The bytes of this plan's sweep.json, as {@link #run} writes them. */
    public byte[] sweepJsonBytes() throws IOException {
        return sweepJson();
    }

    /** A run folder is complete when it exists with its summary and no staging folder of a later attempt remains. */
    static boolean complete(Path runs, String id) {
        return Files.isRegularFile(runs.resolve(id).resolve("summary.json"))
                && !Files.exists(runs.resolve("." + id + ".partial"));
    }

    private void execute(Path runs, PlannedRun run) throws IOException {
        ScenarioSpec scenario = SweepPlan.scenarioOf(run);
        RunDirectory folder = new RunDirectory(runs.resolve(run.id()));
        try {
            RunResult result;
            try (EventJsonl events = EventJsonl.open(folder.staging(), plan.events())) {
                result = WorldRun.run(scenario, run.design(), run.seed(), events);
            }
            RunFolder.write(folder.staging(), result, RunManifest.of(scenario, run.design(), run.seed(), run.overrides(),
                    version, plan.events(), result));
            folder.commit();
        } catch (Exception | Error e) {
            folder.abandon();
            throw e;
        }
    }

    private void writeTables(Path runs) throws IOException {
        List<RunRow> rows = new ArrayList<>();
        for (PlannedRun r : plan.runs()) {
            rows.add(RunRow.read(runs, r.id(), r.design().name(), r.point(), r.seed()));
        }
        SweepTables.write(out, rows, List.copyOf(plan.points().get(0).values().keySet()), plan.baseline(), parquet);
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
