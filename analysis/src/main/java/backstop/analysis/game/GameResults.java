package backstop.analysis.game;

import backstop.analysis.ResultFormatException;
import backstop.analysis.Results;
import backstop.analysis.Table;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A game folder as {@code backstop game} writes it: game.json (the roles, their reduced players and strategies, the
 * designs), comparison.csv and designs.csv, and per design the reduced game's payoffs.csv and equilibria.csv.
 */
public final class GameResults {
    private final Path dir;
    private final JsonNode game;
    private final List<Role> reducedRoles;
    private final List<String> designs;

    private GameResults(Path dir, JsonNode game, List<Role> reducedRoles, List<String> designs) {
        this.dir = dir;
        this.game = game;
        this.reducedRoles = reducedRoles;
        this.designs = designs;
    }

    /** Whether {@code dir} is a game folder (it has game.json). */
    public static boolean isGame(Path dir) {
        return Files.isRegularFile(dir.resolve("game.json"));
    }

    /** Reads the game folder {@code dir}; game.json must exist and name its roles and designs. */
    public static GameResults load(Path dir) {
        Path file = dir.resolve("game.json");
        JsonNode game = Results.json(file);
        List<Role> roles = new ArrayList<>();
        for (JsonNode r : game.path("roles")) {
            List<String> strategies = new ArrayList<>();
            for (JsonNode s : r.path("strategies")) {
                String id = s.path("id").asText();
                strategies.add(id.substring(id.indexOf('/') + 1));   // type/name: a type never holds '/'
            }
            if (!r.path("name").isTextual() || !r.path("reduced").canConvertToInt() || strategies.isEmpty()) {
                throw new ResultFormatException(file + ": roles: each needs a name, reduced players and strategies, got " + r);
            }
            roles.add(new Role(r.path("name").asText(), r.path("reduced").asInt(), strategies));
        }
        List<String> designs = new ArrayList<>();
        for (JsonNode d : game.path("designs")) {
            designs.add(d.path("name").asText());
        }
        if (roles.isEmpty() || designs.isEmpty()) {
            throw new ResultFormatException(file + ": no roles or no designs; is this a game folder?");
        }
        return new GameResults(dir, game, List.copyOf(roles), List.copyOf(designs));
    }

    public Path dir() {
        return dir;
    }

    /** The game's name. */
    public String name() {
        return game.path("name").asText(dir.getFileName().toString());
    }

    /** The game's one-line description (empty if none). */
    public String description() {
        return game.path("description").isTextual() ? game.path("description").asText() : "";
    }

    /** The scenario every profile ran. */
    public String scenario() {
        return game.path("scenario").asText();
    }

    /** The seeds every profile ran on. */
    public int seeds() {
        return game.path("seeds").size();
    }

    /** The full profiles simulated per design and seed. */
    public int fullProfiles() {
        return game.path("full_profiles").size();
    }

    /** Each role's players in the full game, by role order. */
    public List<Integer> players() {
        List<Integer> out = new ArrayList<>();
        game.path("roles").forEach(r -> out.add(r.path("players").asInt()));
        return out;
    }

    /** The reduced game's roles: each role with its reduced players and strategy names. */
    public List<Role> reducedRoles() {
        return reducedRoles;
    }

    public List<String> designs() {
        return designs;
    }

    /** One design's reduced game, from its payoffs.csv. */
    public EmpiricalGame reduced(String design) {
        return PayoffsCsv.read(dir.resolve(design).resolve("payoffs.csv"), reducedRoles);
    }

    /** One design's equilibria.csv. */
    public Table equilibria(String design) {
        return Table.read(dir.resolve(design).resolve("equilibria.csv"));
    }

    /** comparison.csv: per design, the scenario default, the equilibria and the best and worst profiles. */
    public Table comparison() {
        return Table.read(dir.resolve("comparison.csv"));
    }

    /** designs.csv: per design, its equilibria's losses, the best profile's and the price of anarchy. */
    public Table designSummary() {
        return Table.read(dir.resolve("designs.csv"));
    }
}
