package backstop.experiments.sweep;

import backstop.experiments.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlurmJobTest {
    private static SlurmJob job(String partition) {
        return new SlurmJob("study", Path.of("/data/study.yaml"), Path.of("/scratch/out"), 6, 8, "01:30:00", partition,
                Path.of("/opt/jdk/bin/java"), "/opt/backstop.jar");
    }

    @Test
    void theArrayScriptRunsOneShardPerTaskWithAbsolutePaths() {
        assertEquals("""
                #!/bin/bash
                #SBATCH --job-name=study-shards
                #SBATCH --array=1-6
                #SBATCH --cpus-per-task=8
                #SBATCH --time=01:30:00
                #SBATCH --output=/scratch/out/slurm/logs/shard-%a.out
                #SBATCH --partition=gpu
                # Written by backstop slurm for sweep 'study'.
                set -eu
                # Shard K of 6 runs the runs at positions K, K+6, K+12, ... of the id-sorted run list; a re-run task \
                skips its finished runs.
                exec "${BACKSTOP_JAVA:-/opt/jdk/bin/java}" -Djava.awt.headless=true -cp "${BACKSTOP_CLASSPATH:-/opt/backstop.jar}" \
                backstop.experiments.cli.Main sweep '/data/study.yaml' --out '/scratch/out' \
                --shard "${SLURM_ARRAY_TASK_ID}/6" --threads "${SLURM_CPUS_PER_TASK:-8}"
                """.replace("\\\n", ""), job("gpu").arrayScript());
    }

    @Test
    void aGamesArrayRunsItsShardsWithBackstopGame() {
        SlurmJob game = new SlurmJob("game", "bids", Path.of("/data/bids.yaml"), Path.of("/scratch/bids"), 4, 2, "00:30:00",
                null, Path.of("/opt/jdk/bin/java"), "/opt/backstop.jar");
        String array = game.arrayScript();
        assertTrue(array.contains("# Written by backstop slurm for game 'bids'."), array);
        assertTrue(array.contains("# Shard K of 4 runs the simulations at positions K, K+4, K+8, ... of the game's list"
                + " into shards/K-of-4/; a shard that ran is refused."), array);
        assertTrue(array.contains("backstop.experiments.cli.Main game '/data/bids.yaml' --out '/scratch/bids'"
                + " --shard \"${SLURM_ARRAY_TASK_ID}/4\" --threads \"${SLURM_CPUS_PER_TASK:-2}\""), array);
        assertTrue(game.mergeScript().contains("backstop.experiments.cli.Main merge '/scratch/bids' || status=$?"));
        assertTrue(game.submitScript().contains("# Submits the shards of game 'bids'"));
        assertThrows(IllegalArgumentException.class, () -> new SlurmJob("study", "x", Path.of("/x.yaml"), Path.of("/o"),
                1, 1, "00:10:00", null, Path.of("/j"), "/c"));
    }

    @Test
    void theMergeScriptRunsOnOneCpuAndLogsItsExitStatus() {
        assertEquals("""
                #!/bin/bash
                #SBATCH --job-name=study-merge
                #SBATCH --cpus-per-task=1
                #SBATCH --time=01:30:00
                #SBATCH --output=/scratch/out/slurm/logs/merge.out
                # Written by backstop slurm for sweep 'study'.
                set -eu
                status=0
                "${BACKSTOP_JAVA:-/opt/jdk/bin/java}" -Djava.awt.headless=true -cp "${BACKSTOP_CLASSPATH:-/opt/backstop.jar}" \
                backstop.experiments.cli.Main merge '/scratch/out' || status=$?
                echo "backstop merge exit status $status"
                exit "$status"
                """.replace("\\\n", ""), job(null).mergeScript());
    }

    @Test
    void theSubmitScriptMakesTheMergeWaitForTheWholeArray() {
        String s = job(null).submitScript();
        assertTrue(s.contains("array=$(sbatch --parsable '/scratch/out/slurm/array.sbatch')\n"), s);
        // --parsable prints "id" or "id;cluster": the dependency needs the id alone.
        assertTrue(s.contains("array=${array%%;*}\n"), s);
        assertTrue(s.contains("merge=$(sbatch --parsable --dependency=afterany:\"$array\" '/scratch/out/slurm/merge.sbatch')\n"), s);
    }

    @Test
    void pathsAreQuotedForTheShell() {
        assertEquals("'/a/it'\\''s/b'", SlurmJob.quote(Path.of("/a/it's/b")));
    }

    @Test
    void badSettingsAreRefusedNamingTheOption() {
        assertEquals("--time: must be a Slurm time such as 02:00:00 or 1-00:00:00, got '1 hour'",
                assertThrows(ConfigException.class, () -> new SlurmJob("s", Path.of("/s.yaml"), Path.of("/o"), 2, 1,
                        "1 hour", null, Path.of("/j"), "/cp")).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> new SlurmJob("s", Path.of("/s.yaml"), Path.of("/o"), 2, 1,
                "1:00:00", "a;b", Path.of("/j"), "/cp")).getMessage().startsWith("--partition: "));
        assertTrue(assertThrows(ConfigException.class, () -> new SlurmJob("s", Path.of("/s.yaml"), Path.of("/o/$HOME"), 2,
                1, "1:00:00", null, Path.of("/j"), "/cp")).getMessage().startsWith("--out: /o/$HOME: contains"));
        assertTrue(assertThrows(ConfigException.class, () -> new SlurmJob("s", Path.of("/s.yaml"), Path.of("/o"), 0,
                1, "1:00:00", null, Path.of("/j"), "/cp")).getMessage().startsWith("--shards: "));
    }
}
