package backstop.experiments.sweep;

import backstop.experiments.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static backstop.experiments.sweep.SweepFolders.assertSameRun;
import static backstop.experiments.sweep.SweepFolders.deleteTree;
import static backstop.experiments.sweep.SweepFolders.names;
import static backstop.experiments.sweep.SweepFolders.quiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shards run into one sweep folder, and the merge of them: complete, incomplete, and equal to a local sweep. */
class ShardMergeTest {
    /**
     * 2 designs × 2 random parameter points × 2 seeds = 8 runs; the random depths have many digits, so runs.csv only
     * matches the local sweep if merge reads them from sweep.json exactly.
     */
    static final String SWEEP = SweepPlanTest.HEAD + """
            designs: [none, dydx-v4]
            replications: 2
            parameters: {mode: random, samples: 2, ranges: {"markets[0].venue.depth": [1.0e6, 9.0e6]}}
            """;

    @Test
    void threeShardsMergedAreByteForByteTheLocalSweep(@TempDir Path tmp) throws Exception {
        Path file = sweepFile(tmp);
        Path local = tmp.resolve("local");
        Path sharded = tmp.resolve("sharded");
        assertEquals(0, Main.execute("sweep", file.toString(), "--out", local.toString(), "--threads", "2"));
        // Shards in reverse order, as a cluster may finish them.
        for (String shard : List.of("3/3", "2/3", "1/3")) {
            assertEquals(0, Main.execute("sweep", file.toString(), "--out", sharded.toString(), "--shard", shard,
                    "--threads", "1"));
            assertFalse(Files.exists(sharded.resolve("runs.csv")), "a shard writes no tables");
        }
        assertEquals(0, Main.execute("merge", sharded.toString()));
        for (String f : List.of("sweep.json", "runs.csv", "comparison.csv", SweepTables.BY_POINT)) {
            assertEquals(-1, Files.mismatch(local.resolve(f), sharded.resolve(f)), f);
        }
        assertTrue(Files.readString(sharded.resolve("runs.csv")).contains(",\"param:markets[0].venue.depth\","));
        assertTrue(Files.isRegularFile(sharded.resolve("report.html")), "merge writes the report");
        assertTrue(Files.readString(sharded.resolve("report.html")).contains("By parameter point"),
                "two points: the report shows them one by one");
        List<String> runs = names(local.resolve("runs"));
        assertEquals(8, runs.size());
        assertEquals(runs, names(sharded.resolve("runs")));
        for (String run : runs) {
            assertSameRun(local.resolve("runs").resolve(run), sharded.resolve("runs").resolve(run));
        }
    }

    @Test
    void aMissingShardIsListedAndLeavesNoTablesUntilItIsRun(@TempDir Path tmp) throws Exception {
        Path file = sweepFile(tmp);
        Path out = tmp.resolve("out");
        SweepPlan plan = SweepPlan.load(file);
        for (String shard : List.of("1/3", "3/3")) {
            assertEquals(0, Main.execute("sweep", file.toString(), "--out", out.toString(), "--shard", shard));
        }
        List<String> shard2 = new Shard(2, 3).select(plan.runs()).stream().map(PlannedRun::id).toList();
        assertEquals(3, shard2.size());
        String err = mergeErrors(out, 1);
        assertTrue(err.contains("3 of 8 runs are missing, so no tables were written: " + String.join(", ", shard2)), err);
        // Shard 2 never started, yet the merge names it: the shard count comes from the others' run lists.
        assertTrue(err.contains("shard 2/3 (Slurm array task 2): 3 missing: " + String.join(", ", shard2)
                + "; backstop sweep SWEEP --out " + out + " --shard 2/3"), err);
        assertEquals(new Shard(1, 3).select(plan.runs()).stream().map(PlannedRun::id).toList(),
                Files.readAllLines(out.resolve("shards").resolve("1-of-3.txt")));
        assertEquals(java.util.Map.of("2/3", shard2), ShardMerge.merge(out).missingByShard());
        assertFalse(Files.exists(out.resolve("runs.csv")));
        assertFalse(Files.exists(out.resolve("comparison.csv")));
        assertFalse(Files.exists(out.resolve(SweepTables.BY_POINT)));
        assertFalse(Files.exists(out.resolve("report.html")));

        // A task that died mid-run leaves a staging folder: that run is still missing.
        String first = shard2.get(0);
        Files.createDirectories(out.resolve("runs").resolve("." + first + ".partial"));
        SweepRunner.Outcome rerun = new SweepRunner(plan, out, Main.VERSION).run(1, false, new Shard(2, 3), quiet(), false);
        assertEquals(new SweepRunner.Outcome(3, 0, List.of()), rerun);
        // Running the same task again is safe and does nothing.
        assertEquals(new SweepRunner.Outcome(0, 3, List.of()),
                new SweepRunner(plan, out, Main.VERSION).run(1, false, new Shard(2, 3), quiet(), false));
        Files.createDirectories(out.resolve("runs").resolve("." + first + ".partial"));
        assertTrue(mergeErrors(out, 1).contains("1 of 8 runs are missing, so no tables were written: " + first));
        Files.delete(out.resolve("runs").resolve("." + first + ".partial"));
        assertEquals(0, Main.execute("merge", out.toString()));
        assertEquals(9, Files.readAllLines(out.resolve("runs.csv")).size());

        // Tables of a once-complete folder do not survive a run going missing again.
        deleteTree(out.resolve("runs").resolve(first));
        assertTrue(mergeErrors(out, 1).contains("1 of 8 runs are missing"));
        assertFalse(Files.exists(out.resolve("runs.csv")));
        assertFalse(Files.exists(out.resolve("comparison.csv")));
    }

    @Test
    void aPartialMergeTabulatesTheFinishedRunsAndListsTheRest(@TempDir Path tmp) throws Exception {
        Path file = sweepFile(tmp);
        Path local = tmp.resolve("local");
        Path out = tmp.resolve("out");
        assertEquals(0, Main.execute("sweep", file.toString(), "--out", local.toString(), "--threads", "2"));
        for (String shard : List.of("1/3", "3/3")) {
            assertEquals(0, Main.execute("sweep", file.toString(), "--out", out.toString(), "--shard", shard));
        }
        List<String> shard2 = new Shard(2, 3).select(SweepPlan.load(file).runs()).stream().map(PlannedRun::id).toList();
        String err = mergeErrors(out, 0, "--partial");
        assertTrue(err.contains("partial merge: 3 of 8 runs are missing"), err);
        assertEquals(shard2, Files.readAllLines(out.resolve(ShardMerge.MISSING_FILE)));
        // The finished runs' rows are exactly the local sweep's rows for those runs.
        List<String> expected = Files.readAllLines(local.resolve("runs.csv")).stream()
                .filter(line -> shard2.stream().noneMatch(id -> line.startsWith(id + ",")))
                .toList();
        assertEquals(6, expected.size());
        assertEquals(expected, Files.readAllLines(out.resolve("runs.csv")));
        assertTrue(Files.isRegularFile(out.resolve("comparison.csv")));
        assertTrue(Files.isRegularFile(out.resolve("report.html")));

        // Once the last shard has run, a plain merge gives the local tables and drops missing.txt.
        assertEquals(0, Main.execute("sweep", file.toString(), "--out", out.toString(), "--shard", "2/3"));
        assertEquals(0, Main.execute("merge", out.toString()));
        assertFalse(Files.exists(out.resolve(ShardMerge.MISSING_FILE)));
        for (String f : List.of("runs.csv", "comparison.csv")) {
            assertEquals(-1, Files.mismatch(local.resolve(f), out.resolve(f)), f);
        }
    }

    @Test
    void aShardOfAnotherSweepIsRefused(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, Main.execute("sweep", sweepFile(tmp).toString(), "--out", out.toString(), "--shard", "8/8"));
        Path other = tmp.resolve("other.yaml");
        Files.writeString(other, SWEEP.replace("replications: 2", "replications: 3"));
        assertEquals(2, Main.execute("sweep", other.toString(), "--out", out.toString(), "--shard", "1/8"));
        assertEquals(2, Main.execute("merge", tmp.resolve("nowhere").toString()));
        assertEquals(2, Main.execute("sweep", other.toString(), "--out", out.toString(), "--shard", "9/8"));
    }

    private String mergeErrors(Path out, int expectedStatus, String... options) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            String[] args = Stream.concat(Stream.of("merge", out.toString()), Stream.of(options)).toArray(String[]::new);
            assertEquals(expectedStatus, Main.execute(args));
        } finally {
            System.setErr(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    static Path sweepFile(Path dir) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, SWEEP);
        return f;
    }
}
