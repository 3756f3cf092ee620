package backstop.experiments.study;

import backstop.analysis.Results;
import backstop.analysis.SweepResults;
import backstop.analysis.study.ReproductionRow;
import backstop.analysis.study.StudyResults;
import backstop.experiments.cli.Main;
import backstop.experiments.study.adl.AdlHaircutStudy;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code backstop study} end to end: its folder, its exit codes and what it says about the rows outside. */
class StudyCommandTest {
    @TempDir
    Path tmp;

    /** Runs the command, returning stdout and stderr; asserts its exit code. */
    private static String[] execute(int exit, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true));
        System.setErr(new PrintStream(e, true));
        try {
            assertEquals(exit, Main.execute(args), () -> o + "\n" + e);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new String[]{o.toString(), e.toString()};
    }

    @Test
    void aStudyWritesItsFolderAndExitsZeroWhenEveryRowIsInside() throws Exception {
        Path file = Files.writeString(tmp.resolve("tiny.yaml"), StudyPlanTest.STUDY);
        Path out = tmp.resolve("out");
        String[] io = execute(0, "study", file.toString(), "--ci", "--threads", "2", "--out", out.toString());
        for (String f : List.of("study.json", "reproduction.csv", "report.html", "sweeps/short/runs.csv",
                "sweeps/short/comparison.csv", "sweeps/short/report.html", "sweeps/short/sweep.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals(String.join(",", ReproductionRow.HEADER), Files.readAllLines(out.resolve("reproduction.csv")).get(0));
        StudyResults study = StudyResults.load(out);
        assertEquals(4, study.rows().size());
        ReproductionRow blocks = study.rows().get(0);
        // The CI version runs 30 s: 30 blocks, outside [59, 61] — reported, not asserted (ci: false).
        assertEquals("30", blocks.simulated());
        assertFalse(blocks.inside());
        assertFalse(blocks.asserted());
        assertEquals(2, blocks.samples());
        assertEquals("1", study.rows().get(2).simulated(), "the ratio of equal block counts, seed by seed");
        // Both designs run 30 blocks: a tie is no ranking, so the row is outside (and, with ci: false, not asserted).
        assertEquals("none (30) < dydx-v4 (30)", study.rows().get(3).simulated());
        assertFalse(study.rows().get(3).inside());
        assertTrue(study.ci());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.indexOf("<table id=\"reproduction\"") > 0 && html.indexOf("<table") == html.indexOf(
                "<table id=\"reproduction\""), "the comparison is the report's first table");
        assertTrue(io[0].contains("blocks") && io[0].contains("(not asserted)"), io[0]);
        // An existing folder is never replaced.
        assertTrue(execute(2, "study", file.toString(), "--ci", "--out", out.toString())[1].contains("already exists"));
    }

    @Test
    void aRowOutsideItsBandGivesExitOneNamingIt() throws Exception {
        Path file = Files.writeString(tmp.resolve("tiny.yaml"), StudyPlanTest.STUDY
                .replace("{type: ratio, min: 0.99, max: 1.01}", "{type: ratio, min: 1.5}"));
        String[] io = execute(1, "study", file.toString(), "--ci", "--threads", "2", "--out", tmp.resolve("o").toString());
        assertTrue(io[1].contains("backstop: 1 of the asserted figures are outside their band: ratio"), io[1]);
        assertTrue(io[0].contains("ratio") && io[0].contains("OUTSIDE"), io[0]);
        assertTrue(Files.isRegularFile(tmp.resolve("o/reproduction.csv")), "the table is written either way");
    }

    @Test
    void aBadStudyFileGivesExitTwoNamingTheFieldAndWritesNothing() throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.yaml"), StudyPlanTest.STUDY.replace("{type: range, min: 59, max: 61}",
                "{type: range, min: 61, max: 59}"));
        Path out = tmp.resolve("never");
        String err = execute(2, "study", file.toString(), "--out", out.toString())[1];
        assertEquals("backstop: " + file + ": figures[0].band.min: 61 is above max 59", err.strip());
        assertFalse(Files.exists(out));
        String missing = execute(2, "study", "no-such-study", "--out", out.toString())[1];
        assertTrue(missing.contains("no such study file 'no-such-study'"), missing);
    }

    @Test
    void theReferenceDescribesStudyFilesAndMeasures() {
        String study = execute(0, "reference", "study")[0];
        assertTrue(study.contains("figures[].band.type") && study.contains("figures[].simulated.slope"), study);
        String measures = execute(0, "reference", "measures")[0];
        for (String m : Measures.names()) {
            assertTrue(measures.contains(m + " — "), measures);
        }
        assertTrue(measures.contains("params.horizon_seconds"), measures);
    }

    /**
     * The Hyperliquid ADL study's CI version through the command: its sweep is the replay, written as run folders
     * and tables like any sweep's, and every row of reproduction.csv is what {@link AdlHaircutStudy#run} gives with
     * the CI overrides, judged by the file's band.
     */
    @Test
    void theHyperliquidStudysCiVersionRunsTheReplayIntoRunFoldersAndItsRowsAreTheReplays() throws Exception {
        Path file = StudyFilesTest.STUDIES.resolve("hyperliquid-adl.yaml");
        Path out = tmp.resolve("adl");
        String[] io = execute(0, "study", file.toString(), "--ci", "--out", out.toString());
        Path waves = out.resolve("sweeps").resolve("waves");
        for (String f : List.of("sweep.json", "runs.csv", "comparison.csv", "metrics.json", "report.html",
                "runs/queue-p0-s1/summary.json", "runs/queue-p0-s1/metrics.json", "runs/queue-p0-s1/manifest.json")) {
            assertTrue(Files.isRegularFile(waves.resolve(f)), f);
        }
        JsonNode manifest = Results.json(waves.resolve("runs/queue-p0-s1/manifest.json"));
        assertEquals("hyperliquid-adl-waves", manifest.get("scenario").asText());
        assertEquals("queue", manifest.get("design").asText());
        assertEquals(1, manifest.get("seed").asLong());
        assertEquals("[\"winners=40\",\"winners=20\"]", manifest.get("overrides").toString());

        StudyPlan plan = StudyPlan.load(file, true);
        List<String> overrides = List.of("winners=40", "winners=20");
        Map<String, Map<String, Object>> replay = new LinkedHashMap<>();
        for (String d : plan.sweeps().get("waves").designNames()) {
            replay.put(d, AdlHaircutStudy.run(d, overrides));
        }
        SweepResults sweep = Results.loadSweep(waves);
        assertEquals(new TreeSet<>(replay.keySet()), new TreeSet<>(sweep.designs()));
        assertTrue(sweep.declared().of("adl_haircut_ratio").isPresent(), "the sweep declares the replay's metrics");
        for (String d : replay.keySet()) {
            assertEquals(value(replay, d, "adl_haircut"), sweep.metric(d, "adl_haircut")[0], d);
        }
        String html = Files.readString(waves.resolve("report.html"));
        assertTrue(html.contains("adl_haircut"), "the sweep's report tabulates the replay's metrics");
        assertFalse(html.contains("Verdict"), "a sweep without a loss metric has no verdict on one");

        List<ReproductionRow> rows = StudyResults.load(out).rows();
        assertEquals(plan.figures().size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            StudyPlan.FigurePlan f = plan.figures().get(i);
            ReproductionRow r = rows.get(i);
            assertEquals(f.id(), r.figure());
            assertEquals(1, r.samples(), f.id());
            if (f.simulated() instanceof Quantity.Value v) {
                double x = value(replay, v.operand().design(), v.operand().label());
                assertEquals(Band.num(x), r.simulated(), f.id());
                assertEquals(f.band().inside(x), r.inside(), f.id());
            } else {
                Quantity.Ranking k = (Quantity.Ranking) f.simulated();
                Map<String, Double> means = new LinkedHashMap<>();
                k.operands().forEach(o -> means.put(o.design(), value(replay, o.design(), o.label())));
                List<String> order = new ArrayList<>(k.names());
                order.sort(Comparator.comparingDouble(means::get));
                assertEquals(String.join(" < ", order.stream().map(d -> d + " (" + Band.num(means.get(d)) + ")").toList()),
                        r.simulated(), f.id());
                assertEquals(((Band.Ranking) f.band()).insideRanking(means), r.inside(), f.id());
            }
        }
        // The contract pro-rata rows do not reproduce (README): reported in CI, not asserted.
        ReproductionRow contract = rows.stream().filter(r -> r.figure().equals("contract-pro-rata-over-needed"))
                .findFirst().orElseThrow();
        assertFalse(contract.inside());
        assertFalse(contract.asserted());
        assertTrue(io[0].contains("queue-over-needed") && io[0].contains("inside"), io[0]);
    }

    private static double value(Map<String, Map<String, Object>> replay, String design, String metric) {
        return ((Number) replay.get(design).get(metric)).doubleValue();
    }
}
