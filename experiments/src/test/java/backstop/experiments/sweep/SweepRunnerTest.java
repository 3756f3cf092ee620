package backstop.experiments.sweep;

import backstop.experiments.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static backstop.experiments.sweep.SweepFolders.assertSameRun;
import static backstop.experiments.sweep.SweepFolders.deleteTree;
import static backstop.experiments.sweep.SweepFolders.names;
import static backstop.experiments.sweep.SweepFolders.quiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end: sweep folders from the command line, their determinism across thread counts, and resume. */
class SweepRunnerTest {
    private static final String SMALL = SweepPlanTest.HEAD + "designs: [none, dydx-v4]\nreplications: 2\n";
    private static final List<String> TABLES = List.of("sweep.json", "runs.csv", "comparison.csv");
    private static final List<String> RUN_FILES = List.of("manifest.json", "summary.json", "timeseries.csv",
            "events.jsonl.gz", "agents.csv", "flows.csv", "markets.csv", "metrics.json");
    private final ObjectMapper json = new ObjectMapper();

    private static Path sweepFile(Path dir, String yaml) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void twoDesignsTimesTwoSeedsGiveFourRunFoldersAndTheTables(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, Main.execute("sweep", sweepFile(tmp, SMALL).toString(), "--out", out.toString(), "--threads", "2"));
        // The tables, and the report `merge` would write (report.html with its charts).
        assertEquals(List.of("charts", "comparison.csv", "metrics.json", "report.html", "runs", "runs.csv", "sweep.json"), names(out));
        // A minute of calm trading: nobody bears a loss, so the report says so instead of charting zeros.
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("0 in every run, so not charted: loss borne (quote)"), report);
        assertTrue(report.contains("no parameters varied"), report);
        assertEquals(List.of("dydx-v4-p0-s1", "dydx-v4-p0-s2", "none-p0-s1", "none-p0-s2"), names(out.resolve("runs")));
        for (String run : names(out.resolve("runs"))) {
            assertEquals(RUN_FILES.stream().sorted().toList(), names(out.resolve("runs").resolve(run)));
        }
        // A sweep's run folder is exactly what `backstop run` writes for the same scenario, design, seed and event
        // level (a sweep's default is losses, a single run's full).
        Path single = tmp.resolve("single");
        assertEquals(0, Main.execute("run", "calm", "--preset", "dydx-v4", "--seed", "2", "--set", "duration_seconds=60",
                "--set", "agents[1].count=30", "--events", "losses", "--out", single.toString()));
        assertSameRun(single, out.resolve("runs/dydx-v4-p0-s2"));

        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(5, runs.size());
        assertTrue(runs.get(0).startsWith("run_id,design,seed,loss_borne,insurance_drawn,vault_loss,"), runs.get(0));
        assertFalse(runs.get(0).contains("wall_seconds"));
        assertTrue(runs.get(1).startsWith("dydx-v4-p0-s1,dydx-v4,1,"), runs.get(1));
        List<String> comparison = Files.readAllLines(out.resolve("comparison.csv"));
        // Two designs × the summary's 52 metrics without wall_seconds.
        assertEquals(1 + 2 * 52, comparison.size());
        // 60 one-second blocks in every run: mean 60, no spread, no difference.
        assertTrue(comparison.contains("dydx-v4,blocks,2,60.0,60.0,60.0,none,0.0,0.0,0.0,0.0,0.0"), comparison.toString());
        assertTrue(comparison.contains("none,blocks,2,60.0,60.0,60.0,none,,,,,"), comparison.toString());
        // dYdX starts with a fund, `none` with nothing: the paired difference is the fund itself on both seeds.
        double fund = json.readTree(out.resolve("runs/dydx-v4-p0-s1/summary.json").toFile()).get("insurance_fund_start").asDouble();
        assertTrue(fund > 0);
        assertTrue(comparison.contains("dydx-v4,insurance_fund_start,2," + fund + "," + fund + "," + fund + ",none,"
                + fund + "," + fund + "," + fund + ",0.0,1.0"), comparison.toString());
        JsonNode spec = json.readTree(out.resolve("sweep.json").toFile());
        assertEquals("[1,2]", spec.get("seeds").toString());
        assertEquals("losses", spec.get("events").asText(), "sweep.json records the runs' event level");
        assertEquals("losses", json.readTree(out.resolve("runs/none-p0-s1/manifest.json").toFile()).get("events").asText());
        assertEquals(4, spec.get("runs").size());
    }

    @Test
    void theSweepFolderIsTheSameWhateverTheThreadCount(@TempDir Path tmp) throws Exception {
        Path file = sweepFile(tmp, SweepPlanTest.HEAD + """
                designs: [none, dydx-v4, {extends: hyperliquid, name: hl-small-fund, insurance_fund: 1000}]
                replications: 2
                parameters: {grid: {"markets[0].venue.depth": [2.0e6, 2.0e7]}}
                """);
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertEquals(0, Main.execute("sweep", file.toString(), "--out", one.toString(), "--threads", "1"));
        assertEquals(0, Main.execute("sweep", file.toString(), "--out", two.toString(), "--threads", "3"));
        assertSameSweep(one, two);
        assertEquals(12, names(one.resolve("runs")).size());
    }

    @Test
    void resumeRunsOnlyTheMissingRunAndRebuildsTheSameTables(@TempDir Path tmp) throws Exception {
        Path file = sweepFile(tmp, SMALL);
        Path out = tmp.resolve("out");
        SweepPlan plan = SweepPlan.load(file);
        assertEquals(List.of(), new SweepRunner(plan, out, Main.VERSION).run(2, false, quiet(), false).failed());
        List<byte[]> before = new ArrayList<>();
        for (String f : TABLES) {
            before.add(Files.readAllBytes(out.resolve(f)));
        }
        byte[] kept = Files.readAllBytes(out.resolve("runs/none-p0-s1/summary.json"));
        deleteTree(out.resolve("runs/none-p0-s2"));
        Files.delete(out.resolve("runs.csv"));
        Files.delete(out.resolve("comparison.csv"));
        // A staging leftover marks a run as incomplete even if its folder exists.
        Files.createDirectories(out.resolve("runs/.dydx-v4-p0-s1.partial"));

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SweepRunner.Outcome o = new SweepRunner(plan, out, Main.VERSION)
                .run(2, true, new PrintStream(log, true, StandardCharsets.UTF_8), false);
        assertEquals(new SweepRunner.Outcome(2, 2, List.of()), o);
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("resume: 2 of 4 runs already complete", lines.get(0));
        assertEquals(List.of("dydx-v4-p0-s1", "none-p0-s2"), lines.stream().filter(l -> l.contains(" done: "))
                .map(l -> l.replaceAll(".* done: (\\S+) .*", "$1")).sorted().toList());
        // The kept run was not re-run (its wall time would differ), and the tables are as before.
        assertArrayEquals(kept, Files.readAllBytes(out.resolve("runs/none-p0-s1/summary.json")));
        for (int i = 0; i < TABLES.size(); i++) {
            assertArrayEquals(before.get(i), Files.readAllBytes(out.resolve(TABLES.get(i))), TABLES.get(i));
        }
        assertFalse(Files.exists(out.resolve("runs/.dydx-v4-p0-s1.partial")));
        // Resuming with a different sweep file is refused: its runs would not belong to this sweep.
        Path other = tmp.resolve("other.yaml");
        Files.writeString(other, SMALL.replace("replications: 2", "replications: 3"));
        assertTrue(SweepValidationTest.stderrOf(2, "sweep", other.toString(), "--out", out.toString(), "--resume")
                .contains("its sweep.json differs from this sweep file"));
        // So is resuming at another event level, naming the level its runs were written at.
        assertTrue(SweepValidationTest.stderrOf(2, "sweep", file.toString(), "--out", out.toString(), "--resume",
                "--events", "full").contains("its runs were written at events: losses, this sweep would write full;"
                + " use --events losses"));
    }

    @Test
    void theEventsOptionSetsEveryRunsLevel(@TempDir Path tmp) throws Exception {
        Path file = sweepFile(tmp, SMALL.replace("replications: 2", "replications: 1"));
        Path out = tmp.resolve("out");
        assertEquals(0, Main.execute("sweep", file.toString(), "--out", out.toString(), "--events", "none"));
        for (String run : names(out.resolve("runs"))) {
            Path dir = out.resolve("runs").resolve(run);
            assertFalse(Files.exists(dir.resolve("events.jsonl.gz")), run);
            assertEquals("none", json.readTree(dir.resolve("manifest.json").toFile()).get("events").asText());
        }
        assertEquals("none", json.readTree(out.resolve("sweep.json").toFile()).get("events").asText());
        assertTrue(SweepValidationTest.stderrOf(2, "sweep", file.toString(), "--out", tmp.resolve("o2").toString(),
                "--events", "most").contains("--events: 'most' is not an event level; use one of none, losses, full"));
        assertFalse(Files.exists(tmp.resolve("o2")));
    }

    @Test
    void aKilledSweepResumesToTheSameFolderAsAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        Path file = sweepFile(tmp, SweepPlanTest.HEAD.replace("duration_seconds=60", "duration_seconds=600") + """
                designs: [none, dydx-v4, binance]
                replications: 3
                """);
        Path killed = tmp.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sweep",
                file.toString(), "--out", killed.toString(), "--threads", "1")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (finishedRuns(killed) == 0 && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        int finished = finishedRuns(killed);
        assertTrue(finished >= 1 && finished < 9, "killed after " + finished + " of 9 runs; log:\n"
                + Files.readString(tmp.resolve("child.log")));
        assertFalse(Files.exists(killed.resolve("runs.csv")), "an interrupted sweep has no tables");

        assertEquals(0, Main.execute("sweep", file.toString(), "--out", killed.toString(), "--threads", "2", "--resume"));
        Path whole = tmp.resolve("whole");
        assertEquals(0, Main.execute("sweep", file.toString(), "--out", whole.toString(), "--threads", "2"));
        assertSameSweep(whole, killed);
    }

    private static int finishedRuns(Path sweep) throws IOException {
        Path runs = sweep.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(runs)) {
            return (int) s.filter(d -> !d.getFileName().toString().startsWith(".")).count();
        }
    }

    /** Same tables byte for byte, same run folders, every file identical apart from wall_seconds. */
    private void assertSameSweep(Path a, Path b) throws IOException {
        assertEquals(names(a), names(b));
        for (String f : TABLES) {
            assertEquals(-1, Files.mismatch(a.resolve(f), b.resolve(f)), f);
        }
        List<String> runs = names(a.resolve("runs"));
        assertEquals(runs, names(b.resolve("runs")), "same run folders, no staging leftovers");
        for (String run : runs) {
            assertSameRun(a.resolve("runs").resolve(run), b.resolve("runs").resolve(run));
        }
    }
}
