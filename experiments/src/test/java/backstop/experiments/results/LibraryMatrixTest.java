package backstop.experiments.results;

import backstop.experiments.Backstop;
import backstop.experiments.CompressedScenarios;
import backstop.experiments.design.Presets;
import backstop.experiments.results.RunResult;
import backstop.experiments.scenario.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every library scenario under every preset at seeds 1–3, each compressed to one simulated hour (its shocks and
 * episodes scaled by the same factor, so the whole fall happens, only faster): the payoff identity closes to the
 * micro-unit, every unit of gas in the validators pot was paid by a named agent, and no agent ends below what it
 * put in (its gas came from its own capital or its own gains; limited liability).
 */
class LibraryMatrixTest {
    static Stream<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (String scenario : Scenarios.NAMES) {
            for (String preset : Presets.NAMES) {
                all.add(Arguments.of(scenario, preset));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("matrix")
    void theMoneyAddsUpAndEveryAgentStaysWithinItsMeans(String scenario, String preset) {
        String[] overrides = CompressedScenarios.oneHour(scenario);
        for (long seed = 1; seed <= 3; seed++) {
            RunResult r = Backstop.run(scenario, preset, seed, overrides);
            String run = scenario + " × " + preset + " seed " + seed;
            assertEquals(0.0, r.metric("payoff_residual"), run + ": payoff identity residual");
            double gas = r.agents().stream().mapToDouble(RunResult.AgentRow::gasPaid).sum();
            assertEquals(r.metric("gas_paid"), gas, 1e-6 * Math.max(1, r.agents().size()),
                    run + ": the validators pot is the agents' gas");
            for (RunResult.AgentRow a : r.agents()) {
                assertTrue(a.payoff() >= -a.capital() - 1e-6, run + ": agent " + a.id() + " (" + a.population()
                        + ") lost " + (-a.payoff()) + " on capital " + a.capital() + " with gas " + a.gasPaid());
            }
        }
    }
}
