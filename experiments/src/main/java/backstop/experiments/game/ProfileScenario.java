package backstop.experiments.game;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigException;
import backstop.experiments.scenario.ScenarioSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The scenario of one strategy profile: each role's population is replaced, where it stood in {@code agents}, by one
 * population per strategy played, {@code <population>/<strategy>} with that many members, its keys set as the
 * strategy fixes them. Every other population, the markets, the chain and the episodes are the scenario's, so the
 * exogenous paths of a seed are common to every profile; a split population draws its members' parameters from its own
 * stream ({@code agents/<population>/<strategy>}).
 */
public final class ProfileScenario {
    private ProfileScenario() {
    }

    /** The population a strategy's players form in a profile's scenario. */
    public static String population(GamePlan.RolePlan role, String strategy) {
        return role.population() + "/" + strategy;
    }

    /** The scenario in which each role plays {@code counts} (role → strategy → players; absent strategies: 0). */
    public static ScenarioSpec of(GamePlan plan, Map<String, Map<String, Integer>> counts, String origin) {
        ObjectNode doc = plan.scenarioDoc();
        ArrayNode agents = (ArrayNode) doc.get("agents");
        ArrayNode out = agents.arrayNode();
        for (JsonNode entry : agents) {
            GamePlan.RolePlan role = plan.roles().stream()
                    .filter(r -> r.population().equals(entry.path("name").asText())).findFirst().orElse(null);
            if (role == null) {
                out.add(entry);
                continue;
            }
            Map<String, Integer> played = counts.get(role.name());
            if (played == null) {
                throw new IllegalArgumentException("the profile gives role " + role.name() + " no strategies");
            }
            int total = 0;
            for (Strategy s : role.strategies()) {
                int n = played.getOrDefault(s.name(), 0);
                if (n > 0) {
                    out.add(s.applyTo((ObjectNode) entry, population(role, s.name()), n));
                }
                total += n;
            }
            if (total != role.players() || !role.strategyNames().containsAll(played.keySet())) {
                throw new IllegalArgumentException("role " + role.name() + " has " + role.players() + " players on "
                        + role.strategyNames() + ", not " + played);
            }
        }
        doc.set("agents", out);
        return ConfigBinder.bind(doc, ScenarioSpec.class, origin);
    }

    /**
     * The scenario's own behaviour with the game's players: each role's population where it stood, its keys as the
     * scenario draws them, with {@code count} the role's players — what the game's outcomes are compared with.
     */
    public static ScenarioSpec scenarioDefault(GamePlan plan, String origin) {
        ObjectNode doc = plan.scenarioDoc();
        for (JsonNode entry : doc.get("agents")) {
            plan.roles().stream().filter(r -> r.population().equals(entry.path("name").asText())).findFirst()
                    .ifPresent(r -> ((ObjectNode) entry).put("count", r.players()));
        }
        return ConfigBinder.bind(doc, ScenarioSpec.class, origin);
    }

    /** Fails naming {@code s} if the scenario does not bind with every player of {@code role} on it. */
    static void check(GamePlan plan, GamePlan.RolePlan role, Strategy s, String origin) {
        Map<String, Map<String, Integer>> counts = new java.util.LinkedHashMap<>();
        for (GamePlan.RolePlan r : plan.roles()) {
            counts.put(r.name(), Map.of((r == role ? s : r.strategies().get(0)).name(), r.players()));
        }
        try {
            of(plan, counts, origin + " (role " + role.name() + " on strategy " + s.id() + ")");
        } catch (ConfigException e) {
            throw new ConfigException(e.problems());
        }
    }
}
