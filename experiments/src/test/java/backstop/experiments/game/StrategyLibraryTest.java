package backstop.experiments.game;

import backstop.agents.populations.Populations;
import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigException;
import backstop.experiments.config.ConfigTree;
import backstop.experiments.scenario.Scenarios;
import backstop.model.agent.AgentFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every library strategy binds on its type's population and changes what it says it fixes. */
class StrategyLibraryTest {
    /** A vault-LP population as a scenario would spell it (no library scenario has one). */
    private static final String VAULT_LPS = "{type: vault-lps, name: lps, count: 3, capital: {type: constant, value: 100000},"
            + " deposit_share: {type: constant, value: 0.9}, exit_drawdown: {type: uniform, min: 0.05, max: 0.2},"
            + " wake_seconds: {type: constant, value: 60}, latency: {type: constant, value: 0.1}}";

    /** ADL-exposed winners as experiments/games/worlds/alt-crash-adl.yaml spells them. */
    private static final String WINNERS = "{type: winners, name: winners, count: 4, market: 0, capital: {type: constant, value: 100000},"
            + " side: short, leverage: {type: constant, value: 3}, open_seconds: {type: uniform, min: 60, max: 120},"
            + " wake_seconds: {type: constant, value: 5}, latency: {type: constant, value: 0.2}}";

    private static ObjectNode population(String type) {
        if (type.equals("vault-lps")) {
            return ConfigTree.parse(VAULT_LPS, "vault-lps");
        }
        if (type.equals("winners")) {
            return ConfigTree.parse(WINNERS, "winners");
        }
        if (type.equals("manipulators")) { // the mango-2022 scenario's adversary (the base scenario has none)
            for (JsonNode a : Scenarios.resolved("mango-2022").path("agents")) {
                if (a.path("type").asText().equals(type)) {
                    return (ObjectNode) a;
                }
            }
        }
        for (JsonNode a : Scenarios.resolved("base").path("agents")) {
            if (a.path("type").asText().equals(type)) {
                return (ObjectNode) a;
            }
        }
        throw new AssertionError("the base scenario has no " + type + " population");
    }

    @Test
    void everyStrategyBindsOnItsPopulationAndSetsItsKeys() {
        Set<String> types = new TreeSet<>();
        for (Strategy s : StrategyLibrary.all()) {
            types.add(s.type());
            assertFalse(s.summary().isBlank(), s.id() + " has no summary");
            ObjectNode base = population(s.type());
            ObjectNode applied = s.applyTo(base, "x/" + s.name(), 2);
            AgentFactory bound = ConfigBinder.bind(applied, AgentFactory.class, s.id());
            // and in a whole scenario, whose binding checks each population at both ends of its distributions
            ObjectNode scenario = Scenarios.resolved("base");
            com.fasterxml.jackson.databind.node.ArrayNode agents = (com.fasterxml.jackson.databind.node.ArrayNode) scenario.get("agents");
            agents.add(applied);
            ConfigBinder.bind(scenario, backstop.experiments.scenario.ScenarioSpec.class, s.id());
            assertEquals(2, applied.get("count").asInt());
            s.set().fieldNames().forEachRemaining(k -> assertEquals(s.set().get(k), applied.get(k), s.id() + "." + k));
            assertTrue(bound.getClass().getEnclosingClass() == Populations.class, s.id());
        }
        assertEquals(Set.of("arbitrageurs", "keepers", "leveraged-traders", "manipulators", "market-makers", "vault-lps",
                "winners"), types);
    }

    @Test
    void aGameNamesLibraryStrategiesByTypeSlashNameOrBareName() {
        assertEquals("keepers/aggressive", StrategyLibrary.resolve("aggressive", "keepers", "here").id());
        assertEquals("keepers/frugal", StrategyLibrary.resolve("keepers/frugal", "keepers", "here").id());
        ConfigException unknown = assertThrows(ConfigException.class, () -> StrategyLibrary.resolve("reckless", "keepers", "g.yaml: roles[0].strategies[1]"));
        assertTrue(unknown.getMessage().contains("g.yaml: roles[0].strategies[1]: unknown strategy 'reckless'; the library's keepers strategies: aggressive, moderate, frugal, late, idle"),
                unknown.getMessage());
        ConfigException other = assertThrows(ConfigException.class, () -> StrategyLibrary.resolve("market-makers/stay", "keepers", "w"));
        assertTrue(other.getMessage().contains("is for market-makers, but the role's population is keepers"), other.getMessage());
        assertEquals(List.of(), StrategyLibrary.all().stream().filter(s -> s.set() == null).toList(), "every strategy fixes a key");
    }
}
