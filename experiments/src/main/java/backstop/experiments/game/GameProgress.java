package backstop.experiments.game;

import backstop.experiments.config.ConfigException;
import backstop.experiments.results.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What lets an interrupted game resume ({@code backstop game FILE --resume}): while a game runs, its finished
 * simulations are kept in batches, {@code progress/NNNNNN/} of the game's staging folder, each batch written whole (in
 * a hidden folder, then renamed) every {@value #BATCH} simulations, every {@value #FLUSH_SECONDS} s and at the end, as
 * profiles.csv and defaults.csv in the format of the game folder's. A game killed mid-run leaves its staging folder
 * with game.json and the batches; resumed, it reads them back (a resumed game must be the same game: its game.json
 * must match), simulates only the rest, and writes the same files as a game that ran at once — the solved game depends
 * only on the simulations, which a seed replays exactly. The batches are removed once the game folder is complete.
 */
public final class GameProgress {
    /** The batches' folder in the staging folder. */
    public static final String FOLDER = "progress";
    /** Simulations per batch. */
    static final int BATCH = 20;
    /** The longest a finished simulation waits to be kept, in seconds. */
    static final int FLUSH_SECONDS = 60;

    private final GameStudy study;
    private final Path root;
    private final List<ProfileRun> pending = new ArrayList<>();
    private int batches;
    private long lastFlush = System.nanoTime();

    private GameProgress(GameStudy study, Path staging) throws IOException {
        this.study = study;
        this.root = staging.resolve(FOLDER);
        this.batches = GameShards.finished(root).size();
    }

    /**
     * The progress of {@code plan}'s game in {@code staging}: writes its game.json there, or checks that the one there
     * is this game's (another game's progress is refused, naming {@code out}).
     */
    public static GameProgress in(GameStudy study, GamePlan plan, Path staging, Path out) throws IOException {
        byte[] json = GameShards.gameJson(plan);
        Path file = staging.resolve("game.json");
        if (Files.isRegularFile(file) && !Arrays.equals(json, Files.readAllBytes(file))) {
            throw new ConfigException("--out " + out + ": the interrupted game kept in " + staging + " is another game"
                    + " (its game.json differs); resume it with its own game file, or delete that folder to start over");
        }
        Files.createDirectories(staging.resolve(FOLDER));
        if (!Files.isRegularFile(file)) {
            AtomicFiles.write(file, json);
        }
        return new GameProgress(study, staging);
    }

    /** How many simulations an interrupted game kept in {@code staging} (0 if none). */
    public static int keptIn(GameStudy study, Path staging) throws IOException {
        return GameShards.collect(GameShards.finished(staging.resolve(FOLDER)), study, "batch").size();
    }

    /** The simulations kept so far, by {@link GameShards#key}. */
    public Map<String, ProfileRun> kept() throws IOException {
        return GameShards.collect(GameShards.finished(root), study, "batch");
    }

    /** Keeps a finished simulation; writes a batch when {@value #BATCH} wait or the oldest has waited long enough. */
    public synchronized void add(ProfileRun run) {
        pending.add(run);
        if (pending.size() >= BATCH || System.nanoTime() - lastFlush >= FLUSH_SECONDS * 1_000_000_000L) {
            flush();
        }
    }

    /** Writes the simulations waiting as one batch. */
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            String name = String.format("%06d", batches);
            Path partial = root.resolve("." + name + ".partial");
            Files.createDirectories(partial);
            study.writeSimulations(partial, pending);
            Files.move(partial, root.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            batches++;
            pending.clear();
            lastFlush = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException("keeping the game's progress in " + root + ": " + e.getMessage(), e);
        }
    }

    /** Removes the batches, once the game's files are written. */
    public void remove() throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
