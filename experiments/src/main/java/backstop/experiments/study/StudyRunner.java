package backstop.experiments.study;

import backstop.analysis.report.Report;
import backstop.analysis.study.ReproductionRow;
import backstop.experiments.config.ConfigException;
import backstop.experiments.results.AtomicFiles;
import backstop.experiments.results.Json;
import backstop.experiments.results.RunDirectory;
import backstop.experiments.results.RunFolder;
import backstop.experiments.sweep.SweepRunner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link StudyPlan} into a study folder: each sweep's usual folder under {@code sweeps/<id>/} (run by
 * {@link SweepRunner}, or a replay's by {@link ReplaySweep}, with its tables and report), {@code study.json} (the resolved study), {@code reproduction.csv}
 * ({@link Reproduction}) and {@code report.html}, whose first table is the comparison. The folder is built beside its
 * target and renamed when complete; an existing folder is never replaced.
 */
public final class StudyRunner {
    /** The study's table. */
    public static final String TABLE = "reproduction.csv";

    private final StudyPlan plan;
    private final Path out;
    private final String version;

    /** What a study run gave: its rows, or the ids of the sweep runs that failed (then no table was written). */
    public record Outcome(List<ReproductionRow> rows, List<String> failed, Path folder) {
        /** The asserted rows outside their band. */
        public List<String> outside() {
            return Reproduction.outside(rows);
        }
    }

    public StudyRunner(StudyPlan plan, Path out, String version) {
        this.plan = plan;
        this.out = out.toAbsolutePath().normalize();
        this.version = version;
    }

    /** Refuses an existing target, as `backstop game` does: a study never replaces a folder. */
    public void checkOutput() {
        if (Files.exists(out)) {
            throw new ConfigException("--out " + out + ": already exists; a study never replaces a folder, choose another --out");
        }
    }

    /** Runs every sweep on {@code threads} threads (progress to {@code log}), then writes the table and the report. */
    public Outcome run(int threads, PrintStream log, boolean terminal) throws IOException, InterruptedException {
        checkOutput();
        RunDirectory folder = new RunDirectory(out, false);
        try {
            Path staging = folder.staging();
            AtomicFiles.write(staging.resolve("study.json"), studyJson());
            List<String> failed = new ArrayList<>();
            for (Map.Entry<String, StudySweep> e : plan.sweeps().entrySet()) {
                log.printf("study %s: sweep %s, %d runs%n", plan.name(), e.getKey(), e.getValue().runs().size());
                Path dir = staging.resolve("sweeps").resolve(e.getKey());
                List<String> sweepFailed = e.getValue().run(dir, version, threads, log, terminal);
                sweepFailed.forEach(id -> failed.add(e.getKey() + "/" + id));
                if (sweepFailed.isEmpty()) {
                    Report.write(dir);
                }
            }
            if (!failed.isEmpty()) {
                folder.abandon();
                return new Outcome(List.of(), List.copyOf(failed), null);
            }
            List<ReproductionRow> rows = new Reproduction(plan, staging).rows();
            AtomicFiles.write(staging.resolve(TABLE), RunFolder.csv(ReproductionRow.HEADER,
                    rows.stream().map(ReproductionRow::cells).toList()));
            Report.write(staging);
            return new Outcome(rows, List.of(), folder.commit());
        } catch (Exception | Error e) {
            folder.abandon();
            throw e;
        }
    }

    private byte[] studyJson() throws IOException {
        Map<String, Object> resolved = plan.resolved();
        resolved.put("version", version);
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(resolved);
    }
}
