package backstop.experiments.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlurmCommandTest {
    /** 2 designs × 4 seeds = 8 runs. */
    private static final String SWEEP = """
            name: t
            scenario: calm
            overrides: [duration_seconds=60, "agents[1].count=30"]
            designs: [none, dydx-v4]
            replications: 4
            """;

    private static Path sweepFile(Path dir) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, SWEEP);
        return f;
    }

    @Test
    void writesTheScriptsAndSweepJsonAndPrintsHowToSubmit(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        String printed = stdout(() -> assertEquals(0, Main.execute("slurm", sweepFile(tmp).toString(), "--out",
                out.toString(), "--cpus", "2", "--partition", "short")));
        // Default shard count: about two runs per CPU in each shard, 8 / (2 × 2) = 2 shards of 4.
        assertTrue(printed.contains("sweep t: 8 runs in 2 shards of 4 runs, 2 CPUs each"), printed);
        Path scripts = out.resolve("slurm");
        assertTrue(printed.contains("submit with: sh " + scripts.resolve("submit.sh")), printed);
        String array = Files.readString(scripts.resolve("array.sbatch"));
        assertTrue(array.contains("#SBATCH --array=1-2\n"), array);
        assertTrue(array.contains("#SBATCH --partition=short\n"), array);
        assertTrue(array.contains(" sweep '" + tmp.resolve("s.yaml") + "' --out '" + out + "' --shard "), array);
        for (String f : new String[] {"array.sbatch", "merge.sbatch", "submit.sh"}) {
            assertTrue(Files.isExecutable(scripts.resolve(f)), f);
        }
        assertTrue(Files.isDirectory(scripts.resolve("logs")), "Slurm does not create the log folder itself");
        assertTrue(Files.readString(out.resolve("sweep.json")).contains("\"dydx-v4-p0-s1\""));
        // The sweep and the slurm command agree on sweep.json, so the shards accept the folder.
        assertEquals(0, Main.execute("sweep", sweepFile(tmp).toString(), "--out", out.toString(), "--shard", "2/2"));
    }

    @Test
    void moreShardsThanRunsIsRefused(@TempDir Path tmp) throws Exception {
        assertEquals(2, Main.execute("slurm", sweepFile(tmp).toString(), "--out", tmp.resolve("o").toString(),
                "--shards", "9"));
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    @Test
    void submitWithoutSbatchFailsClearlyAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "slurm", sweepFile(tmp).toString(), "--out",
                out.toString(), "--submit").redirectErrorStream(true);
        pb.environment().put("PATH", tmp.resolve("empty-bin").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), output);
        assertTrue(output.contains("backstop: --submit: sbatch is not on PATH"), output);
        assertFalse(Files.exists(out));
    }

    private interface Body {
        void run() throws Exception;
    }

    private static String stdout(Body body) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
