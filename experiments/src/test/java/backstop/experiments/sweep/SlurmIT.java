package backstop.experiments.sweep;

import backstop.experiments.cli.Main;
import backstop.experiments.game.SmallGames;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep submitted with {@code backstop slurm --submit} to a real single-node Slurm cluster (started by
 * {@link LocalSlurm} in a temp folder) runs as an array of shards plus a merge job, and its merged folder equals a
 * local run of the same sweep. CI (Debian, root) installs slurmctld, slurmd, slurm-client and munge and never skips;
 * elsewhere the test skips without root or without those packages.
 */
class SlurmIT {
    private static final int SHARDS = 3;
    private static final int MERGE_TIMEOUT_SECONDS = 300;

    @Test
    void aSweepSubmittedToSlurmMergesToTheSameResultAsALocalSweep(@TempDir Path tmp) throws Exception {
        requireSlurm();

        Path file = ShardMergeTest.sweepFile(tmp);
        Path out = tmp.resolve("cluster-out");
        long t0 = System.nanoTime();
        try (LocalSlurm slurm = LocalSlurm.start(tmp.resolve("slurm"))) {
            long t1 = System.nanoTime();
            String submitted = submit(slurm, file, out);
            assertTrue(submitted.contains("submitted array job "), submitted);
            String logs = awaitMerge(slurm, out);
            long t2 = System.nanoTime();
            for (int k = 1; k <= SHARDS; k++) {
                String log = Files.readString(out.resolve("slurm/logs/shard-" + k + ".out"));
                assertTrue(log.contains(" of shard " + k + "/" + SHARDS + " ("), "shard " + k + " ran as array task " + k
                        + ":\n" + log);
            }

            Path local = tmp.resolve("local");
            assertEquals(0, Main.execute("sweep", file.toString(), "--out", local.toString(), "--threads", "2"));
            for (String f : List.of("sweep.json", "runs.csv", "comparison.csv", SweepTables.BY_POINT)) {
                assertEquals(-1, Files.mismatch(local.resolve(f), out.resolve(f)), f + " differs\n" + logs);
            }
            assertTrue(Files.isRegularFile(out.resolve("report.html")));
            List<String> runs = SweepFolders.names(local.resolve("runs"));
            assertEquals(runs, SweepFolders.names(out.resolve("runs")));
            for (String run : runs) {
                SweepFolders.assertSameRun(local.resolve("runs").resolve(run), out.resolve("runs").resolve(run));
            }

            // A failed array task is re-run alone: it redoes only its missing run, and the merge is whole again.
            String lost = new Shard(2, SHARDS).select(SweepPlan.load(file).runs()).get(1).id();
            SweepFolders.deleteTree(out.resolve("runs").resolve(lost));
            assertEquals(1, Main.execute("merge", out.toString()));
            assertTrue(Files.notExists(out.resolve("runs.csv")), "no table while a run is missing");
            String rerun = slurm.client("sbatch", "--wait", "--array=2", out.resolve("slurm/array.sbatch").toString());
            String log2 = Files.readString(out.resolve("slurm/logs/shard-2.out"));
            assertTrue(log2.contains("3 runs of shard 2/3 (1 executed, 2 already complete)"), rerun + "\n" + log2
                    + slurm.diagnostics());
            assertEquals(0, Main.execute("merge", out.toString()));
            for (String f : List.of("runs.csv", "comparison.csv")) {
                assertEquals(-1, Files.mismatch(local.resolve(f), out.resolve(f)), f + " differs after the re-run");
            }
            SweepFolders.assertSameRun(local.resolve("runs").resolve(lost), out.resolve("runs").resolve(lost));
            long t3 = System.nanoTime();
            System.out.printf("SlurmIT: cluster up in %.1f s, %d runs in %d shards submitted, run and merged in %.1f s,"
                    + " one array task re-run in %.1f s%n", (t1 - t0) / 1e9, runs.size(), SHARDS, (t2 - t1) / 1e9,
                    (t3 - t2) / 1e9);
        }
    }


    @Test
    void aGameSubmittedToSlurmMergesToTheSameFilesAsALocalGame(@TempDir Path tmp) throws Exception {
        requireSlurm();
        Path file = tmp.resolve("game.yaml");
        Files.writeString(file, SmallGames.threeKeepersReducedToTwo("[synthetix-v3]"));
        Path out = tmp.resolve("cluster-game");
        try (LocalSlurm slurm = LocalSlurm.start(tmp.resolve("slurm"))) {
            String submitted = submit(slurm, file, out);
            assertTrue(submitted.contains("game crash: 20 simulations in 3 shards"), submitted);
            String logs = awaitMerge(slurm, out);
            Path local = tmp.resolve("local-game");
            assertEquals(0, Main.execute("game", file.toString(), "--out", local.toString(), "--threads", "2"));
            for (String f : List.of("game.json", "profiles.csv", "defaults.csv", "comparison.csv", "designs.csv",
                    "synthetix-v3/payoffs.csv", "synthetix-v3/equilibria.csv", "synthetix-v3/outcomes.csv")) {
                assertEquals(-1, Files.mismatch(local.resolve(f), out.resolve(f)), f + " differs\n" + logs);
            }
            assertTrue(Files.isRegularFile(out.resolve("report.html")));
        }
    }

    private static void requireSlurm() {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "SlurmIT starts slurmd and munged, which needs root; running as " + System.getProperty("user.name"));
        List<String> absent = LocalSlurm.PROGRAMS.stream().filter(p -> LocalSlurm.program(p) == null).toList();
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(absent.isEmpty(), "Slurm is not installed (missing " + absent
                    + "; apt-get install slurmctld slurmd slurm-client munge)");
        }
        assertTrue(absent.isEmpty(), "CI must have Slurm (.ci/run installs it); missing " + absent);
    }

    /**
     * {@code backstop slurm FILE --submit} in the launcher's way: the shaded jar users run (built in `package`, before
     * integration tests), in a separate JVM whose environment points sbatch at the private cluster; the jobs run that
     * jar too. Returns what it printed.
     */
    private static String submit(LocalSlurm slurm, Path file, Path out) throws Exception {
        Path jar = Path.of("target", "backstop.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the executable jar is built before the integration tests: " + jar);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "slurm", file.toString(), "--out", out.toString(), "--shards",
                String.valueOf(SHARDS), "--cpus", "1", "--time", "00:10:00", "--partition", "it", "--submit")
                .redirectErrorStream(true);
        slurm.environment(pb.environment());
        Process submit = pb.start();
        String submitted = new String(submit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(submit.waitFor(60, TimeUnit.SECONDS), "backstop slurm --submit returned");
        assertEquals(0, submit.exitValue(), submitted + slurm.diagnostics());
        return submitted;
    }

    /** Waits for the merge job's log to end and asserts it merged (exit status 0); returns every job's log. */
    private static String awaitMerge(LocalSlurm slurm, Path out) throws Exception {
        Path mergeLog = out.resolve("slurm/logs/merge.out");
        slurm.waitFor("the merge job's log (" + mergeLog + ")", MERGE_TIMEOUT_SECONDS,
                () -> LocalSlurm.tail(mergeLog, 5).contains("backstop merge exit status"));
        String logs = jobLogs(out);
        assertTrue(LocalSlurm.tail(mergeLog, 5).contains("backstop merge exit status 0"), logs + slurm.diagnostics());
        return logs;
    }

    /** Every job log the scripts wrote, for failure messages. */
    private static String jobLogs(Path out) throws java.io.IOException {
        Path logs = out.resolve("slurm/logs");
        List<String> parts = new ArrayList<>();
        if (Files.isDirectory(logs)) {
            for (String name : SweepFolders.names(logs)) {
                parts.add("--- " + name + " ---\n" + LocalSlurm.tail(logs.resolve(name), 30));
            }
        }
        return "\n" + String.join("\n", parts);
    }
}
