package backstop.experiments.game;

import backstop.agents.populations.Populations;
import backstop.experiments.config.ConfigException;
import backstop.experiments.config.ConfigTree;
import backstop.experiments.scenario.ScenarioSpec;
import backstop.model.agent.AgentFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A game file is checked before anything runs, and a profile's scenario splits each role's population in place. */
class GamePlanTest {
    static final String SMALL = """
            name: small
            scenario: calm
            overrides: [duration_seconds=600]
            designs: [synthetix-v3]
            roles:
              - name: keepers
                population: keepers
                players: 3
                reduced: 2
                strategies: [aggressive, frugal]
                define: [{name: shy, summary: bids 1%, set: {bid_share: {type: constant, value: 0.01}}}]
            replications: 2
            """;

    static GamePlan plan(String text) {
        return GamePlan.of(ConfigTree.parse(text, "g.yaml"), "g.yaml", Path.of("."));
    }

    @Test
    void rolesResolveTheirPopulationCountsAndStrategies() {
        GamePlan p = plan(SMALL);
        GamePlan.RolePlan keepers = p.roles().get(0);
        assertEquals(3, keepers.players());
        assertEquals(2, keepers.reduced());
        assertEquals(List.of("aggressive", "frugal", "shy"), keepers.strategyNames());
        assertEquals(List.of(1L, 2L), p.seeds());
    }

    @Test
    void aProfileSplitsThePopulationWhereItStoodWithEachStrategysKeys() {
        GamePlan p = plan(SMALL);
        ScenarioSpec s = ProfileScenario.of(p, Map.of("keepers", Map.of("aggressive", 2, "shy", 1)), "test");
        List<String> names = s.agents().stream().map(AgentFactory::name).toList();
        int at = names.indexOf("keepers/aggressive");
        assertTrue(at >= 0 && names.get(at + 1).equals("keepers/shy") && !names.contains("keepers"), names.toString());
        Populations.Keepers aggressive = (Populations.Keepers) s.agents().get(at);
        Populations.Keepers shy = (Populations.Keepers) s.agents().get(at + 1);
        assertEquals(2, aggressive.count());
        assertEquals(1, shy.count());
        assertEquals("Constant[value=0.9]", aggressive.bidShare().toString());
        assertEquals("Constant[value=0.01]", shy.bidShare().toString());
        assertEquals(1.0, aggressive.minProfit());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> ProfileScenario.of(p, Map.of("keepers", Map.of("aggressive", 2)), "test"));
        assertTrue(wrong.getMessage().contains("role keepers has 3 players"), wrong.getMessage());
    }

    @Test
    void mistakesAreNamedBeforeAnythingRuns() {
        assertProblem(SMALL.replace("population: keepers", "population: watchers"),
                "g.yaml: roles[0].population: the scenario has no population 'watchers'; it has makers,");
        assertProblem(SMALL.replace("reduced: 2", "reduced: 4"), "g.yaml: roles[0].reduced: must be in [1, players = 3], got 4");
        assertProblem(SMALL.replace("players: 3", "players: 4").replace("reduced: 2", "reduced: 3"),
                "g.yaml: roles: DPR: role keepers: 4 players cannot be reduced to 3: (N − 1) = 3 is not divisible by (n − 1) = 2");
        assertProblem(SMALL.replace("[aggressive, frugal]", "[aggressive, aggressive]"),
                "g.yaml: roles[0].strategies[1]: 'aggressive' is listed twice");
        assertProblem(SMALL.replace("value: 0.01", "value: -0.5"), "bid_share");
        assertProblem(SMALL.replace("name: shy", "name: Shy"), "g.yaml: roles[0].define[0].name: a strategy's name must be");
        assertProblem(SMALL.replace("replications: 2", "replications: 0"), "g.yaml: replications: must be ≥ 1, got 0");
        assertProblem(SMALL.replace("designs: [synthetix-v3]", "designs: [synthetix-v3, synthetix-v3]"),
                "g.yaml: designs[1]: 'synthetix-v3' is listed twice");
        assertProblem(SMALL + "bogus: 1\n", "bogus");
    }

    private static void assertProblem(String text, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> plan(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
