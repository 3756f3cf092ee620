package backstop.experiments.study;

import backstop.analysis.study.ReproductionRow;
import backstop.analysis.study.StudyResults;
import backstop.experiments.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
}
