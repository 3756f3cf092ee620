package backstop.experiments.cli;

import backstop.analysis.ResultFormatException;
import backstop.analysis.report.Report;
import backstop.experiments.config.ConfigException;
import backstop.experiments.results.EventLevel;
import backstop.experiments.sweep.Shard;
import backstop.experiments.sweep.SweepPlan;
import backstop.experiments.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code backstop sweep}: every design of a sweep file on every parameter point and seed, then the tables. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        header = "Run a sweep file: every design on every parameter point and seed, then the tables and the report.",
        description = {"Run a sweep file (designs × parameter points × seeds, common random numbers) into a sweep folder:",
                "sweep.json, runs/<run_id>/ (one run folder each), runs.csv, comparison.csv and report.html."})
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP", description = "Sweep file (YAML or JSON).")
    Path sweep;

    @Option(names = "--threads", description = "Runs in parallel (default: available processors, here ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", description = "Sweep folder (default: results/<sweep name>).")
    Path out;

    @Option(names = "--resume", description = "Keep the complete run folders in --out, run the rest, rebuild the tables.")
    boolean resume;

    @Option(names = "--events", paramLabel = "LEVEL", description = {"Each run's events file: losses (what a loss"
            + " study needs), full (every event) or none (default: the sweep file's events key, else losses)."})
    String events;

    @Option(names = "--shard", paramLabel = "K/N", description = {"Run only shard K of N (K from 1), skipping its finished"
            + " runs, and write no tables; `backstop merge` builds them when every shard is done."})
    String shard;

    @Option(names = "--parquet", description = {"Also write the sweep's Parquet dataset: parquet/runs.parquet,"
            + " timeseries.parquet and events.parquet, every run in one table each with a run_id column (DuckDB;"
            + " README, \"Studies at scale\")."})
    boolean parquet;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new ConfigException("--threads: must be ≥ 1, got " + threads);
        }
        if (parquet && shard != null) {
            throw new ConfigException("--parquet: a shard writes no tables; give --parquet to `backstop merge` instead");
        }
        Shard part = shard == null ? null : Shard.parse(shard);
        EventLevel level = events == null ? null : EventLevel.parse(events, "--events");
        SweepPlan plan = SweepPlan.load(sweep);
        if (level != null) {
            plan = plan.withEvents(level);
        }
        SweepRunner runner = new SweepRunner(plan, out != null ? out : Path.of("results", plan.name()), Main.VERSION)
                .parquet(parquet);
        runner.checkOutput(resume || part != null);
        System.err.printf("sweep %s: %s × %s × %s = %s on %s, events %s%n", plan.name(),
                Counts.of(plan.designs().size(), "design"), Counts.of(plan.points().size(), "parameter point"),
                Counts.of(plan.seeds().size(), "seed"), Counts.of(plan.runs().size(), "run"), Counts.of(threads, "thread"),
                plan.events().label());
        if (part != null) {
            System.err.printf("shard %s: %d of the runs%n", part, part.select(plan.runs()).size());
        }
        SweepRunner.Outcome outcome = runner.run(threads, resume, part, System.err, System.console() != null);
        if (!outcome.failed().isEmpty()) {
            System.err.println("backstop: " + outcome.failed().size() + " runs failed: " + String.join(", ", outcome.failed())
                    + (part == null ? "; the tables were not written; fix the cause and use --resume"
                    : "; fix the cause and run shard " + part + " again (it skips its finished runs)"));
            return 1;
        }
        System.out.printf("%s%s (%d executed, %d already complete)%nresults: %s%n",
                Counts.of(outcome.executed() + outcome.skipped(), "run"), part == null ? "" : " of shard " + part,
                outcome.executed(), outcome.skipped(), runner.out());
        if (parquet) {
            System.out.println("parquet: " + runner.out().resolve(backstop.experiments.dataset.ParquetDataset.FOLDER));
        }
        if (part == null) {
            // The whole sweep is here: its report, as `merge` writes for a sharded one.
            try {
                System.out.println("report: " + Report.write(runner.out()).toAbsolutePath().normalize());
            } catch (ResultFormatException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        return 0;
    }
}
