package backstop.experiments.cli;

import backstop.analysis.study.ReproductionRow;
import backstop.experiments.config.ConfigException;
import backstop.experiments.study.StudyPlan;
import backstop.experiments.study.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code backstop study}: run a reproduction study's sweeps and compare the published figures with the simulated ones. */
@Command(name = "study", mixinStandardHelpOptions = true,
        header = "Run a reproduction study: its sweeps, then each published figure against its simulated counterpart.",
        description = {"Run a study file (experiments/studies/NAME.yaml, or a path; README, \"Validation: reproduction",
                "studies\") into a study folder: sweeps/<id>/ (each sweep's usual folder), study.json, reproduction.csv",
                "and report.html. Exit 0 when every asserted row is inside its band, 1 otherwise (the rows outside are",
                "named on stderr), 2 for a bad study file. The folder must not exist yet."})
final class StudyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STUDY", description = "A study's name (experiments/studies/NAME.yaml) or a study file.")
    String study;

    @Option(names = "--ci", description = "The shortened version: the study's ci: replications and overrides; rows with"
            + " ci: false are reported but not asserted.")
    boolean ci;

    @Option(names = "--threads", description = "Runs in parallel (default: available processors, here ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", description = "Study folder (default: results/<study name>, with -ci for the CI version);"
            + " it must not exist yet.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new ConfigException("--threads: must be ≥ 1, got " + threads);
        }
        StudyPlan plan = StudyPlan.load(StudyPlan.find(study), ci);
        StudyRunner runner = new StudyRunner(plan, out != null ? out : Path.of("results", plan.name() + (ci ? "-ci" : "")),
                Main.VERSION);
        runner.checkOutput();
        int runs = plan.sweeps().values().stream().mapToInt(s -> s.runs().size()).sum();
        System.err.printf("study %s%s: %s, %s, %s on %s%n", plan.name(), ci ? " (CI version)" : "",
                Counts.of(plan.sweeps().size(), "sweep"), Counts.of(runs, "run"), Counts.of(plan.figures().size(), "figure"),
                Counts.of(threads, "thread"));
        StudyRunner.Outcome outcome = runner.run(threads, System.err, System.console() != null);
        if (!outcome.failed().isEmpty()) {
            System.err.println("backstop: " + outcome.failed().size() + " runs failed: " + String.join(", ", outcome.failed())
                    + "; no study folder was written");
            return 1;
        }
        print(outcome.rows());
        System.out.println("results: " + outcome.folder());
        System.out.println("report: " + outcome.folder().resolve("report.html"));
        List<String> outside = outcome.outside();
        if (!outside.isEmpty()) {
            System.err.println("backstop: " + outside.size() + " of the asserted figures are outside their band: "
                    + String.join(", ", outside));
            return 1;
        }
        return 0;
    }

    private static void print(List<ReproductionRow> rows) {
        int width = rows.stream().mapToInt(r -> r.figure().length()).max().orElse(6);
        for (ReproductionRow r : rows) {
            String interval = Double.isNaN(r.ciLow()) ? "" : String.format(java.util.Locale.ROOT, " [%.4g, %.4g]",
                    r.ciLow(), r.ciHigh());
            System.out.printf("%-" + width + "s  %-8s published %s %s, simulated %s%s over %d seeds, band %s%s%n",
                    r.figure(), r.inside() ? "inside" : "OUTSIDE", r.published(), r.unit(), r.simulated(), interval,
                    r.samples(), r.band(), r.asserted() ? "" : " (not asserted)");
        }
    }
}
