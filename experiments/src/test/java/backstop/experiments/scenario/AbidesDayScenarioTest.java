package backstop.experiments.scenario;

import backstop.experiments.Backstop;
import backstop.experiments.results.RunResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark world of benchmarks/abides (ABIDES's RMSC04 day mapped onto Backstop) still loads and runs as its
 * comments say: RMSC04's head counts, traders that only place orders, and two makers that quote one round of
 * 10 levels a side per 60 s wake. Five minutes of it, not the day (the day is a benchmark, README "Against ABIDES").
 */
class AbidesDayScenarioTest {
    private static final Path FILE = Path.of("..", "benchmarks", "abides", "rmsc04-day.yaml");

    @Test
    void rmsc04DayRunsWithAbidesHeadCountsAndMinutelyMakers() {
        assertTrue(Files.isRegularFile(FILE), FILE.toAbsolutePath() + " is missing");
        RunResult r = Backstop.run(FILE.toString(), "none", 1, "duration_seconds=300");
        List<RunResult.AgentRow> agents = r.agents();
        assertEquals(1000, count(agents, "noise"));
        assertEquals(102, count(agents, "value"));
        assertEquals(12, count(agents, "momentum"));
        assertEquals(2, count(agents, "makers"));
        assertEquals(0.0, r.metric("payoff_residual"));
        assertEquals(0.0, r.metric("liquidation_count"));
        for (RunResult.AgentRow a : agents) {
            if (a.population().equals("makers")) {
                // 300 s at one wake per 60 s: at most 6 wakes of 20 orders, and their cancels on top.
                assertTrue(a.orders() >= 20 && a.orders() <= 6 * 20, a.population() + " " + a.id() + ": " + a.orders());
                assertTrue(a.submitted() > a.orders(), "makers cancel their previous round");
            } else {
                assertEquals(a.submitted(), a.orders(), "traders only place orders: agent " + a.id());
            }
        }
        long traderOrders = agents.stream().filter(a -> !a.population().equals("makers")).mapToLong(RunResult.AgentRow::orders).sum();
        assertTrue(traderOrders > 100, "value agents trade about every 175 s: " + traderOrders);
    }

    private static long count(List<RunResult.AgentRow> agents, String population) {
        return agents.stream().filter(a -> a.population().equals(population)).count();
    }
}
