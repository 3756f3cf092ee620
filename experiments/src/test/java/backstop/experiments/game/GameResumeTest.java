package backstop.experiments.game;

import backstop.experiments.cli.Main;
import backstop.experiments.results.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A game interrupted after some simulations resumes with {@code --resume}: it runs only the rest and writes the same
 * files as a game that ran at once; without {@code --resume} the kept simulations are neither lost nor replaced, and
 * another game may not resume from them.
 */
class GameResumeTest {
    @TempDir
    Path tmp;

    /** Runs the CLI, returning its exit code and what it wrote to standard error. */
    private static String[] execute(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new String[]{String.valueOf(code), buffer.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void anInterruptedGameResumesToTheSameFiles() throws Exception {
        Path file = tmp.resolve("g.yaml");
        Files.writeString(file, SmallGames.threeKeepersReducedToTwo("[synthetix-v3, maker-liq2]"));
        Path once = tmp.resolve("once");
        assertEquals(0, Main.execute("game", file.toString(), "--out", once.toString(), "--threads", "2"));

        // The state a game killed after 7 of its 40 simulations leaves: its staging folder with game.json, the batches
        // it kept, and a batch it was still writing.
        Path resumed = tmp.resolve("resumed");
        GamePlan plan = GamePlan.load(file);
        GameStudy study = new GameStudy(plan);
        Path staging = RunDirectory.stagingOf(resumed);
        GameProgress progress = GameProgress.in(study, plan, Files.createDirectories(staging), resumed);
        new GameRunner(plan).run(study.simulations().subList(0, 7), 1, x -> { }).forEach(progress::add);
        progress.flush();
        Path half = Files.createDirectories(staging.resolve(GameProgress.FOLDER).resolve(".000001.partial"));
        Files.writeString(half.resolve(GameStudy.PROFILES), "design,profile\n");

        String[] plain = execute("game", file.toString(), "--out", resumed.toString());
        assertEquals("2", plain[0], plain[1]);
        assertTrue(plain[1].contains("an interrupted game kept 7 simulations in " + staging + "; add --resume"), plain[1]);
        assertEquals(7, GameProgress.keptIn(study, staging), "the kept simulations are untouched");

        Path otherGame = tmp.resolve("other.yaml");
        Files.writeString(otherGame, Files.readString(file).replace("replications: 2", "replications: 3"));
        String[] other = execute("game", otherGame.toString(), "--out", resumed.toString(), "--resume");
        assertEquals("2", other[0], other[1]);
        assertTrue(other[1].contains("is another game (its game.json differs)"), other[1]);
        assertEquals("2", execute("game", file.toString(), "--out", resumed.toString(), "--resume", "--shard", "1/2")[0]);

        String[] resume = execute("game", file.toString(), "--out", resumed.toString(), "--resume", "--threads", "2");
        assertEquals("0", resume[0], resume[1]);
        assertTrue(resume[1].contains("resuming: 7 simulations kept, 33 to run"), resume[1]);
        assertEquals(33, resume[1].lines().filter(l -> l.matches("\\s+\\d+/40 .*")).count(), "only the rest ran");
        assertFalse(Files.exists(staging), "the staging folder became the game folder");
        List<Path> expected = GameShardsTest.files(once);
        assertEquals(expected, GameShardsTest.files(resumed), "no progress/ left in the game folder");
        for (Path f : expected) {
            assertArrayEquals(Files.readAllBytes(once.resolve(f)), Files.readAllBytes(resumed.resolve(f)), f.toString());
        }
    }
}
