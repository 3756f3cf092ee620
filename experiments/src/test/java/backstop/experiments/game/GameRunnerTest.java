package backstop.experiments.game;

import backstop.experiments.results.RunResult;
import backstop.experiments.run.WorldRun;
import backstop.protocol.event.EventSink;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A profile's payoffs are its players' ledger payoffs, averaged per strategy, and a seed replays exactly. */
class GameRunnerTest {
    @Test
    void payoffsAreThePlayersLedgerPayoffsNetOfTheCapitalCost() throws Exception {
        GamePlan plan = GamePlanTest.plan(SmallGames.CRASH);
        Map<String, Map<String, Integer>> profile = Map.of("keepers", Map.of("aggressive", 2, "frugal", 1));
        GameRunner runner = new GameRunner(plan);
        ProfileRun r = runner.one(plan.designs().get(0), profile, 1);
        assertEquals(Set.of("aggressive", "frugal"), r.payoffs().get("keepers").keySet());
        RunResult direct = WorldRun.run(ProfileScenario.of(plan, profile, "direct"), plan.designs().get(0), 1, EventSink.NONE);
        double years = 1200 / (365.0 * 86_400);
        for (String s : List.of("aggressive", "frugal")) {
            double expected = direct.agents().stream().filter(a -> a.population().equals("keepers/" + s))
                    .mapToDouble(a -> a.payoff() - 0.5 * a.capital() * years).average().orElseThrow();
            assertEquals(expected, r.payoffs().get("keepers").get(s), 1e-9, s);
        }
        assertEquals(direct.summary().get("loss_borne"), r.summary().get("loss_borne"));
        assertTrue(((Number) r.summary().get("keeper_calls")).longValue() > 0, "the keepers called: " + r.summary());
        assertEquals(r, runner.one(plan.designs().get(0), profile, 1), "a seed replays exactly");
        List<ProfileRun> both = runner.run(List.of(new GameRunner.Simulation(plan.designs().get(0), profile, 1),
                new GameRunner.Simulation(plan.designs().get(0), profile, 2)), 2, x -> { });
        assertEquals(List.of(1L, 2L), both.stream().map(ProfileRun::seed).toList());
        assertEquals(r, both.get(0), "the pool gives what one run gives");
        assertNotEquals(both.get(0).summary().get("loss_borne"), both.get(1).summary().get("loss_borne"));
    }
}
