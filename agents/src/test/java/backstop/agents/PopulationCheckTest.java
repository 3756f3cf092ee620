package backstop.agents;

import backstop.agents.populations.Populations;
import backstop.agents.params.Dist;
import backstop.model.agent.AgentFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AgentFactory#check} builds a population at the lowest and highest draw of every distribution, so a
 * value only some members would draw is refused before a run, naming the parameter.
 */
class PopulationCheckTest {
    private static final Dist ONE = new Dist.Constant(1);
    private static final Dist CAPITAL = new Dist.Constant(10_000);

    private static String refusal(AgentFactory f) {
        return assertThrows(IllegalArgumentException.class, f::check).getMessage();
    }

    @Test
    void aDistributionWhoseLowEndIsOutOfRangeIsRefusedThoughMostDrawsWouldPass() {
        // latency uniform on [-1, 9): nine draws in ten are fine, the lowest is not.
        AgentFactory momentum = new Populations.MomentumTraders("traders/momentum", 50, 0, CAPITAL, new Dist.Constant(500), 10,
                ONE, ONE, new Dist.Uniform(-1, 9), null);
        assertTrue(refusal(momentum).contains("latency must be ≥ 0, got -1.0"), refusal(momentum));
    }

    @Test
    void aDistributionWhoseHighEndOverflowsTheLedgerIsRefused() {
        // a lognormal notional clamped at 1e15 quote units: its highest draw is beyond what the ledger can hold.
        AgentFactory fundamentalists = new Populations.Fundamentalists("traders/fundamental", 5, 0, CAPITAL,
                new Dist.LogNormal(6, 1, 10, 1e15), ONE, new Dist.Constant(600), ONE, ONE, null);
        assertTrue(refusal(fundamentalists).contains("notional: must be an amount in (0, 1e12] quote units, got 1.0E15"),
                refusal(fundamentalists));
    }

    @Test
    void eachAgentTypeNamesItsOwnParameter() {
        assertTrue(refusal(new Populations.LatencyArbitrageurs("arb/latency", 2, 0, CAPITAL, new Dist.Constant(-0.01),
                new Dist.Constant(1000), ONE, null)).contains("threshold: must be ≥ 0"));
        assertTrue(refusal(new Populations.VaultLps("lps", 3, CAPITAL, new Dist.Uniform(0.5, 1.5), ONE, ONE, ONE, null))
                .contains("deposit_share: must be in (0, 1]"));
        assertTrue(refusal(new Populations.Keepers("keepers", 2, CAPITAL, new Dist.Constant(0.01), new Dist.Constant(0.5), 1,
                0, 5, ONE, ONE, null, 0, null, null)).contains("gas_per_call: must be ≥ 1, got 0"));
        assertTrue(refusal(new Populations.NoiseTraders("traders/noise", 2, 0, CAPITAL, new Dist.Constant(100), 3, ONE, ONE,
                new Dist.Uniform(0, 1))).contains("gas budget must be > 0, got 0.0"));
    }

    @Test
    void aSensiblePopulationPasses() {
        assertDoesNotThrow(() -> new Populations.MomentumTraders("traders/momentum", 50, 0, CAPITAL,
                new Dist.LogNormal(6, 1, 100, 50_000), 10, new Dist.Uniform(0.001, 0.01), new Dist.Uniform(1, 30),
                new Dist.Uniform(0, 2), new Dist.Uniform(0.5, 5)).check());
    }
}
