package backstop.experiments.game;

import backstop.experiments.results.RunResult;
import backstop.experiments.run.WorldRun;
import backstop.protocol.event.EventSink;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adversary's library strategies (issue 13) bind in a game on mango-2022: {@code no-attack} sends no transaction
 * at all and extracts nothing, while {@code mango} self-trades, pumps and withdraws, and the money adds up either way.
 */
class MangoGameTest {
    static final String GAME = """
            name: oracle-attack-tiny
            scenario: mango-2022
            overrides:
              - duration_seconds=900
              - sample_seconds=300
              - agents[1].count=50
            designs: [none]
            roles:
              - name: attacker
                population: adversary
                players: 1
                strategies: [no-attack, small, mango]
            replications: 1
            """;

    private static RunResult run(GamePlan plan, String strategy) {
        return WorldRun.run(ProfileScenario.of(plan, Map.of("attacker", Map.of(strategy, 1)), "test"),
                plan.designs().get(0), 1, EventSink.NONE);
    }

    private static RunResult.AgentRow attacker(RunResult r, String strategy) {
        return r.agents().stream().filter(a -> a.population().equals("adversary/" + strategy)).findFirst().orElseThrow();
    }

    private static double metric(RunResult r, String name) {
        return ((Number) r.summary().get(name)).doubleValue();
    }

    @Test
    void noAttackSendsNothingAndTheMangoAttackDrainsTheProtocol() {
        GamePlan plan = GamePlanTest.plan(GAME);
        assertEquals(3, plan.roles().get(0).strategies().size());

        RunResult calm = run(plan, "no-attack");
        RunResult.AgentRow idle = attacker(calm, "no-attack");
        assertEquals(0, idle.submitted(), "no-attack sends no transaction");
        assertEquals(0, idle.gasPaid());
        assertEquals(0, idle.payoff(), "its deposits sit in the protocol untouched");
        // Extraction is cash out less capital in: its two $5M deposits are still in the protocol.
        assertEquals(-10_000_000, metric(calm, "extracted_value"));
        assertTrue(metric(calm, "withdrawable_liquidity") > 10_000_000, "it still reads the liquidity at attack_time: "
                + calm.summary());
        assertEquals(0, metric(calm, "payoff_residual"));

        RunResult attacked = run(plan, "mango");
        RunResult.AgentRow a = attacker(attacked, "mango");
        assertTrue(a.submitted() > 2, "self-trade and withdrawals: " + a.submitted());
        double extracted = metric(attacked, "extracted_value");
        double withdrawable = metric(attacked, "withdrawable_liquidity");
        // The two runs are the same world until the attack, but for the gas of the self-trade, which left the tokens.
        double gasBefore = metric(calm, "withdrawable_liquidity") - withdrawable;
        assertTrue(gasBefore > 0 && gasBefore < a.gasPaid(), "the self-trade's gas: " + gasBefore + " of " + a.gasPaid());
        // It takes 99.9% of the tokens in one withdrawal, its own $10M included, which extraction nets out.
        assertTrue(extracted > 0.99 * withdrawable - 10_000_000 && extracted < withdrawable - 10_000_000,
                extracted + " of " + withdrawable);
        assertEquals(0, metric(attacked, "payoff_residual"), "the payoff identity closes with the attack");
    }
}
