package backstop.agents;

import backstop.agents.populations.Populations;
import backstop.agents.params.Dist;
import backstop.model.agent.AgentFactory;
import backstop.model.chain.OrderingRule;
import backstop.model.market.ImpactShape;
import backstop.model.price.ProcessSpec;
import backstop.model.world.WorldSpec;
import backstop.protocol.market.MarketSpec;

import java.util.List;

/** Small worlds and populations for agent tests. */
final class TestWorlds {
    private TestWorlds() {
    }

    /**
     * BTC at $20,000, 1 s blocks; a −{@code drawdown} bridge from 300 s over {@code crashSeconds} with the venue
     * at half depth meanwhile; gas × {@code gasSpike} from 300 s to the end of the run.
     */
    static WorldSpec crash(long blocks, double drawdown, double crashSeconds, double gasSpike) {
        // Square-root impact ≈ daily σ × √(trade / daily volume): a deep BTC venue (a $50k hedge moves it < 1 bp).
        return crash(blocks, drawdown, crashSeconds, gasSpike, new WorldSpec.External(ImpactShape.SQUARE_ROOT, 0.03, 1_000_000_000, 60));
    }

    /** The same crash with the external venue given (a thin one makes the feedback loop strong). */
    static WorldSpec crash(long blocks, double drawdown, double crashSeconds, double gasSpike, WorldSpec.External venue) {
        MarketSpec btc = MarketSpec.builder(0, "BTC", "0.1", "0.001").margin(50_000, 25_000).fees(-100, 500).build();
        ProcessSpec process = new ProcessSpec.Stress(new ProcessSpec.Gbm(0, 0.6), 300, crashSeconds, drawdown, 0.6);
        WorldSpec.Asset asset = new WorldSpec.Asset(btc, 20_000, process, venue);
        WorldSpec.Oracle oracle = new WorldSpec.Oracle(List.of(
                new WorldSpec.Source("binance", 3, 0, 1, 0, 0),
                new WorldSpec.Source("okx", 2, 0.0005, 3, 1, 0),
                new WorldSpec.Source("bybit", 2, 0.0005, 3, 1, 0)), 0.1);
        WorldSpec.Chain chain = new WorldSpec.Chain(OrderingRule.PRIORITY_FEE, 3_000_000_000L, 1_500_000_000L, 0.05, 0.01, 2_000, 20);
        return new WorldSpec("test-crash", 1, blocks, 10, List.of(asset), new double[][] {{1}}, oracle, chain,
                List.of(new WorldSpec.Episode("thin-liquidity", 300, 300 + crashSeconds, 1, 0.5),
                        new WorldSpec.Episode("gas", 300, blocks + 1, gasSpike, 1)));
    }

    static List<AgentFactory> populations(int traders) {
        return populations(traders, new Dist.Uniform(3, 6));
    }

    /** The test populations with the makers' volatility limit given (a very high one: they never withdraw). */
    static List<AgentFactory> populations(int traders, Dist makerWithdrawVol) {
        return List.of(
                new Populations.MarketMakers("makers", 10, 0, new Dist.Constant(2_000_000), 5, new Dist.Uniform(20_000, 60_000),
                        new Dist.Uniform(3, 8), 0.5, 0.5, 0.003, new Dist.Constant(500_000), makerWithdrawVol, 2, 0.94,
                        new Dist.Constant(0.05), null, null, null),
                new Populations.LeveragedTraders("traders/leveraged", traders, 0, new Dist.LogNormal(8, 1, 300, 100_000),
                        new Dist.Uniform(3, 19), 0.75, new Dist.Uniform(0.2, 0.8), 0.3, 1.15, 0.2, 0.2,
                        new Dist.Uniform(0, 1), new Dist.Uniform(10, 60), new Dist.Constant(0.2), null),
                new Populations.NoiseTraders("traders/noise", 50, 0, new Dist.Constant(20_000), new Dist.Uniform(500, 5_000), 3,
                        new Dist.Uniform(5, 30), new Dist.Constant(0.2), null),
                new Populations.Arbitrageurs("arbitrageurs", 3, 0, new Dist.Constant(1_000_000), new Dist.Uniform(0.001, 0.003),
                        new Dist.Constant(50_000), new Dist.Constant(1_000_000), new Dist.Constant(1), new Dist.Constant(0.05), null, null),
                new Populations.Keepers("keepers", 5, new Dist.Constant(10_000), new Dist.Constant(0.005),
                        new Dist.Uniform(0.1, 0.6), 1, 400_000, 5, new Dist.Constant(1), new Dist.Uniform(0.05, 0.5), null, 0.02, null, null));
    }
}
