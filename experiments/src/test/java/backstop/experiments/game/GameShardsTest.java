package backstop.experiments.game;

import backstop.experiments.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same game file and seeds give identical files on 1 thread, on 2, and in 3 shards merged; a merge with a shard
 * missing solves nothing, and a shard never replaces results.
 */
class GameShardsTest {
    @TempDir
    Path tmp;

    /** The files of a game folder a reader compares: everything but the report, its charts and the shards' folders. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(dir::relativize)
                    .filter(p -> !p.startsWith("charts") && !p.startsWith(GameShards.FOLDER) && !p.toString().equals("report.html"))
                    .sorted().toList();
        }
    }

    @Test
    void threadsAndShardsGiveByteIdenticalGames() throws Exception {
        Path file = tmp.resolve("g.yaml");
        Files.writeString(file, SmallGames.threeKeepersReducedToTwo("[synthetix-v3, maker-liq2]"));
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        Path sharded = tmp.resolve("sharded");
        assertEquals(0, Main.execute("game", file.toString(), "--out", one.toString(), "--threads", "1"));
        assertEquals(0, Main.execute("game", file.toString(), "--out", two.toString(), "--threads", "2"));
        for (int k = 1; k <= 3; k++) {
            assertEquals(0, Main.execute("game", file.toString(), "--out", sharded.toString(), "--shard", k + "/3", "--threads", "1"));
            if (k == 2) {
                // A shard that died while writing leaves only its staging folder, which the merge does not read.
                Path partial = Files.createDirectories(sharded.resolve("shards/.3-of-3.partial"));
                Files.copy(sharded.resolve("shards/2-of-3/profiles.csv"), partial.resolve("profiles.csv"));
                Files.copy(sharded.resolve("shards/2-of-3/defaults.csv"), partial.resolve("defaults.csv"));
                assertEquals(1, Main.execute("merge", sharded.toString()), "shard 3 of 3 has not run");
                assertFalse(Files.exists(sharded.resolve("profiles.csv")), "an incomplete merge solves nothing");
            }
        }
        assertEquals(2, Main.execute("game", file.toString(), "--out", sharded.toString(), "--shard", "2/3"),
                "a shard that ran already is refused");
        assertEquals(0, Main.execute("merge", sharded.toString()));
        List<Path> expected = files(one);
        assertTrue(expected.containsAll(List.of(Path.of("game.json"), Path.of("profiles.csv"), Path.of("defaults.csv"),
                Path.of("comparison.csv"), Path.of("designs.csv"), Path.of("maker-liq2/equilibria.csv"),
                Path.of("synthetix-v3/outcomes.csv"))), expected.toString());
        for (Path other : List.of(two, sharded)) {
            assertEquals(expected, files(other), other.toString());
            for (Path f : expected) {
                assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(other.resolve(f)), other + ": " + f);
            }
        }
        assertTrue(Files.isRegularFile(sharded.resolve("report.html")), "the merge writes the report");
        // (9 profiles + the scenario default) × 2 seeds × 2 designs, dealt round-robin: 14, 13 and 13.
        for (int k = 1; k <= 3; k++) {
            Path shard = sharded.resolve("shards/" + k + "-of-3");
            int simulations = Files.readAllLines(shard.resolve("profiles.csv")).size() - 1
                    + Files.readAllLines(shard.resolve("defaults.csv")).size() - 1;
            assertEquals(k == 1 ? 14 : 13, simulations, shard.toString());
        }
        Path otherGame = tmp.resolve("other.yaml");
        Files.writeString(otherGame, Files.readString(file).replace("replications: 2", "replications: 3"));
        assertEquals(2, Main.execute("game", otherGame.toString(), "--out", sharded.toString(), "--shard", "1/2"),
                "a shard of another game may not write into this folder");
    }
}
