package backstop.experiments.game;

import backstop.experiments.config.ConfigException;
import backstop.experiments.config.ConfigTree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The library's named strategies ({@code strategies/strategies.yaml}, by population type), which game files name as
 * {@code type/name} and {@code backstop strategies} lists. A test applies each to its type's population in the base
 * scenario and binds the result, so a strategy that sets an unknown key or a value out of range fails the build.
 */
public final class StrategyLibrary {
    private static final String RESOURCE = "/strategies/strategies.yaml";
    private static final List<Strategy> ALL = load();

    private StrategyLibrary() {
    }

    private static List<Strategy> load() {
        try (InputStream in = StrategyLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            ObjectNode doc = ConfigTree.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
            List<Strategy> out = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> types = doc.fields(); types.hasNext(); ) {
                Map.Entry<String, JsonNode> type = types.next();
                for (Iterator<Map.Entry<String, JsonNode>> it = type.getValue().fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> s = it.next();
                    out.add(new Strategy(type.getKey(), s.getKey(), s.getValue().path("summary").asText(),
                            (ObjectNode) s.getValue().get("set")));
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Every library strategy, by type in file order. */
    public static List<Strategy> all() {
        return ALL;
    }

    /** The strategy {@code type/name}, if the library has it. */
    public static Optional<Strategy> find(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The strategy a game names {@code ref} for a population of {@code type}: {@code type/name}, or a bare name of that type. */
    public static Strategy resolve(String ref, String type, String where) {
        String id = ref.contains("/") ? ref : type + "/" + ref;
        Strategy s = find(id).orElseThrow(() -> new ConfigException(where + ": unknown strategy '" + ref + "'; the library's "
                + type + " strategies: " + String.join(", ", ALL.stream().filter(x -> x.type().equals(type))
                .map(Strategy::name).toList()) + " (or define it under the role's define:)"));
        if (!s.type().equals(type)) {
            throw new ConfigException(where + ": strategy " + id + " is for " + s.type() + ", but the role's population is "
                    + type);
        }
        return s;
    }
}
