package backstop.experiments.game;

import backstop.experiments.config.ConfigException;
import backstop.experiments.results.AtomicFiles;
import backstop.experiments.results.Json;
import backstop.experiments.sweep.Shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A game whose simulations ran as shards ({@code backstop game FILE --shard K/N}, one Slurm array task each): every
 * shard writes its share of the simulations into {@code shards/K-of-N/} of one game folder, beside the game.json they
 * share; {@code backstop merge} reads them all back in the order of {@link GameStudy#simulations()}, so the merged
 * folder's files are byte for byte those of the unsharded game, and solves the game.
 */
public final class GameShards {
    /** Where the shards' simulations go, inside the game folder. */
    public static final String FOLDER = "shards";

    private GameShards() {
    }

    /** A shard's own folder in the game folder. */
    public static Path folder(Path game, Shard shard) {
        return game.resolve(FOLDER).resolve(shard.index() + "-of-" + shard.count());
    }

    /**
     * Makes {@code game} the game folder of {@code plan} for a shard: writes its game.json, or checks that the one there
     * is this game's; refuses if the shard's own folder exists already (a shard never replaces its results).
     */
    public static void prepare(Path game, GamePlan plan, Shard shard) throws IOException {
        byte[] json = gameJson(plan);
        Path file = game.resolve("game.json");
        if (Files.exists(game) && !Files.isRegularFile(file)) {
            throw new ConfigException("--out " + game + ": exists and is not this game's folder (no game.json); choose another --out");
        }
        if (Files.isRegularFile(file) && !Arrays.equals(json, Files.readAllBytes(file))) {
            throw new ConfigException("--out " + game + ": holds the folder of another game (its game.json differs);"
                    + " every shard of a game must run the same game file");
        }
        if (Files.exists(folder(game, shard))) {
            throw new ConfigException("--out " + game + ": shard " + shard + " has run already (" + folder(game, shard)
                    + " exists); a shard never replaces its results");
        }
        Files.createDirectories(game.resolve(FOLDER));
        if (!Files.isRegularFile(file)) {
            AtomicFiles.write(file, json);
        }
    }

    /** The game.json of {@code plan}, as a game folder holds it. */
    static byte[] gameJson(GamePlan plan) throws IOException {
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(plan.resolved());
    }

    /** What a merge found: the simulations in order if none is missing, else the missing ones named. */
    public record Merged(List<ProfileRun> runs, List<String> missing, int shards) {
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    /** Reads every shard's simulations back, in the order of {@link GameStudy#simulations()}. */
    public static Merged read(Path game, GameStudy study) throws IOException {
        Path root = game.resolve(FOLDER);
        if (!Files.isDirectory(root)) {
            throw new ConfigException(game + ": no " + FOLDER + "/ folder: this game did not run in shards");
        }
        List<Path> dirs = finished(root);
        Map<String, ProfileRun> found = collect(dirs, study, "shard");
        List<ProfileRun> ordered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (GameRunner.Simulation sim : study.simulations()) {
            ProfileRun r = found.remove(key(sim));
            if (r == null) {
                missing.add(key(sim));
            } else {
                ordered.add(r);
            }
        }
        if (!found.isEmpty()) {
            throw new ConfigException(game + ": the shards hold simulations this game does not have: " + found.keySet());
        }
        return new Merged(missing.isEmpty() ? ordered : List.of(), missing, dirs.size());
    }

    /**
     * The finished folders under {@code root}, in name order: a folder appears only when complete, and a hidden one
     * ({@code .K-of-N.partial}, {@code .batch.partial}) is one still being written or one that failed.
     */
    static List<Path> finished(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isDirectory(d) && !d.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** Every simulation the folders hold, by {@link #key}; one held twice is an error naming the folder. */
    static Map<String, ProfileRun> collect(List<Path> dirs, GameStudy study, String what) {
        Map<String, ProfileRun> found = new LinkedHashMap<>();
        for (Path dir : dirs) {
            for (ProfileRun r : study.readSimulations(dir)) {
                if (found.put(key(r.design(), r.profile(), r.seed()), r) != null) {
                    throw new ConfigException(dir + ": simulation " + key(r.design(), r.profile(), r.seed())
                            + " is also in another " + what + (what.equals("shard")
                            ? "; were two different shard counts run into one folder?" : ""));
                }
            }
        }
        return found;
    }

    /** A finished simulation's name in messages and the key it is matched by. */
    static String key(ProfileRun r) {
        return key(r.design(), r.profile(), r.seed());
    }

    /** A simulation's name in messages and the key it is matched by. */
    static String key(GameRunner.Simulation sim) {
        return key(sim.design().name(), sim.scenarioDefault() ? Map.of() : sim.profile(), sim.seed());
    }

    private static String key(String design, Map<String, Map<String, Integer>> profile, long seed) {
        return design + " · " + (profile.isEmpty() ? "scenario default" : GameStudy.text(profile)) + " · seed " + seed;
    }
}
