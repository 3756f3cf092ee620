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
        byte[] json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(plan.resolved());
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

    /** What a merge found: the simulations in order if none is missing, else the missing ones named. */
    public record Merged(List<ProfileRun> runs, List<String> missing, int shards) {
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    /** Reads every shard's simulations back, in the order of {@link GameStudy#simulations()}. */
    public static Merged read(Path game, GameStudy study) throws IOException {
        Map<String, ProfileRun> found = new LinkedHashMap<>();
        int shards = 0;
        Path root = game.resolve(FOLDER);
        if (!Files.isDirectory(root)) {
            throw new ConfigException(game + ": no " + FOLDER + "/ folder: this game did not run in shards");
        }
        try (Stream<Path> dirs = Files.list(root)) {
            // A shard's folder appears only when complete; `.K-of-N.partial` is one still running or one that failed.
            for (Path dir : dirs.filter(d -> Files.isDirectory(d) && !d.getFileName().toString().startsWith("."))
                    .sorted().toList()) {
                shards++;
                for (ProfileRun r : study.readSimulations(dir)) {
                    if (found.put(key(r.design(), r.profile(), r.seed()), r) != null) {
                        throw new ConfigException(dir + ": simulation " + key(r.design(), r.profile(), r.seed())
                                + " is also in another shard; were two different shard counts run into one folder?");
                    }
                }
            }
        }
        List<ProfileRun> ordered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (GameRunner.Simulation sim : study.simulations()) {
            String k = key(sim.design().name(), sim.scenarioDefault() ? Map.of() : sim.profile(), sim.seed());
            ProfileRun r = found.remove(k);
            if (r == null) {
                missing.add(k);
            } else {
                ordered.add(r);
            }
        }
        if (!found.isEmpty()) {
            throw new ConfigException(game + ": the shards hold simulations this game does not have: " + found.keySet());
        }
        return new Merged(missing.isEmpty() ? ordered : List.of(), missing, shards);
    }

    private static String key(String design, Map<String, Map<String, Integer>> profile, long seed) {
        return design + " · " + (profile.isEmpty() ? "scenario default" : GameStudy.text(profile)) + " · seed " + seed;
    }
}
