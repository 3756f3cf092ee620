package backstop.agents;

import backstop.agents.params.Dist;
import backstop.model.chain.OrderingRule;
import backstop.model.market.ImpactShape;
import backstop.model.price.ProcessSpec;
import backstop.model.sim.BackstopModel;
import backstop.model.world.World;
import backstop.model.world.WorldSpec;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventLog;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.liquidation.FullCloseLiquidation;
import backstop.protocol.liquidation.PenaltySplit;
import backstop.protocol.liquidation.SlippageLimit;
import backstop.protocol.market.MarketSpec;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stylized facts and behaviour that must show in calm markets, on fixed seeds (directions, not exact floats). */
class MarketBehaviourTest {
    private static WorldSpec world(ProcessSpec process, long blocks) {
        MarketSpec btc = MarketSpec.builder(0, "BTC", "0.1", "0.001").margin(50_000, 25_000).fees(-100, 500)
                .markSmoothingSeconds(150).build();
        WorldSpec.Asset asset = new WorldSpec.Asset(btc, 20_000, process,
                new WorldSpec.External(ImpactShape.SQUARE_ROOT, 0.02, 20_000_000, 60));
        WorldSpec.Oracle oracle = new WorldSpec.Oracle(List.of(new WorldSpec.Source("binance", 1, 0, 1, 0, 0)), 0);
        WorldSpec.Chain chain = new WorldSpec.Chain(OrderingRule.PRIORITY_FEE, 3_000_000_000L, 1_500_000_000L, 0.05, 0.01, 2_000, 20);
        return new WorldSpec("calm-test", 1, blocks, 10, List.of(asset), new double[][] {{1}}, oracle, chain, List.of());
    }

    /** Mark and index each block, and the makers' quoted depth within 1% of the mark. */
    private record Path(double[] mark, double[] index, double meanDepth) {
    }

    private static Path run(ProcessSpec process, long blocks, long seed) {
        BackstopModel model = new BackstopModel(seed, world(process, blocks), ProtocolConfig::basic,
                TestWorlds.populations(200, new Dist.Constant(1_000)), new EventLog());
        double[] mark = new double[(int) blocks];
        double[] index = new double[(int) blocks];
        double[] depth = {0};
        model.onRecord(s -> {
            World w = model.world();
            int b = (int) w.block() - 1;
            var m = w.protocol().market(0);
            mark[b] = m.spec().price(m.markPrice());
            index[b] = w.venue(0).price();
            var book = m.book();
            depth[0] += m.spec().base(book.depthWithin(backstop.protocol.book.Side.BUY, m.spec().ticks(mark[b] * 0.99))
                    + book.depthWithin(backstop.protocol.book.Side.SELL, m.spec().ticks(mark[b] * 1.01))) * mark[b];
        });
        model.runToEnd();
        assertEquals(0, model.world().protocol().ledger().total());
        return new Path(mark, index, depth[0] / blocks);
    }

    private static double[] logReturns(double[] p, int from) {
        double[] r = new double[p.length - from - 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.log(p[from + i + 1] / p[from + i]);
        }
        return r;
    }

    @Test
    void calmMarkReturnsAreFatTailedWithClusteredVolatilityAndThePerpHoldsItsPeg() {
        // GARCH(1,1) per 1 s block around ~60% a year (the calm scenario's process), four hours; returns over
        // 5 s (one-block returns are mostly tick noise), 2,880 of them so lag-10 autocorrelations are resolved.
        Path p = run(new ProcessSpec.Garch(1.14e-10, 0.08, 0.91), 14_400, 2);
        double[] fiveSeconds = new double[p.mark().length / 5];
        for (int i = 0; i < fiveSeconds.length; i++) {
            fiveSeconds[i] = p.mark()[i * 5 + 4];
        }
        double[] r = logReturns(fiveSeconds, 12);
        assertTrue(new Kurtosis().evaluate(r) > 0, "excess kurtosis of mark returns");
        double[] abs = Arrays.stream(r).map(Math::abs).toArray();
        for (int lag = 1; lag <= 10; lag++) {
            double[] a = Arrays.copyOfRange(abs, 0, abs.length - lag);
            double[] b = Arrays.copyOfRange(abs, lag, abs.length);
            assertTrue(new PearsonsCorrelation().correlation(a, b) > 0, "|r| autocorrelation at lag " + lag);
        }
        int within = 0;
        for (int i = 60; i < p.mark().length; i++) { // after a minute of warm-up
            within += Math.abs(p.mark()[i] / p.index()[i] - 1) <= 0.01 ? 1 : 0;
        }
        assertTrue(within >= 0.99 * (p.mark().length - 60), "the perp stays within 1% of the index: " + within);
    }

    @Test
    void makersQuoteLessDepthWhenVolatilityIsHigher() {
        Path calm = run(new ProcessSpec.Gbm(0, 0.3), 900, 3);
        Path wild = run(new ProcessSpec.Gbm(0, 1.5), 900, 3);
        assertTrue(wild.meanDepth() < calm.meanDepth(), "depth within 1%: " + wild.meanDepth() + " vs " + calm.meanDepth());
    }

    @Test
    void twoDesignsOnOneSeedSeeTheSameExogenousPathAndTheSameAgents() {
        List<double[]> paths = new ArrayList<>();
        List<List<String>> agents = new ArrayList<>();
        for (boolean keepers : new boolean[] {false, true}) {
            EventLog log = new EventLog();
            BackstopModel model = new BackstopModel(4, TestWorlds.crash(600, 0.25, 120, 1),
                    m -> ProtocolConfig.builder(m).liquidation(new FullCloseLiquidation(new PenaltySplit(15_000, 500_000),
                            new SlippageLimit(100_000), !keepers)).build(),
                    TestWorlds.populations(200), log);
            double[] exo = new double[600];
            model.onRecord(s -> exo[(int) model.world().block() - 1] = model.world().prices().price(0));
            model.runToEnd();
            paths.add(exo);
            agents.add(model.agents().stream().map(a -> a.population() + "/" + a.latency()).toList());
            assertTrue(log.of(ProtocolEvent.Fill.class).size() > 0);
        }
        assertTrue(Arrays.equals(paths.get(0), paths.get(1)), "the same exogenous path under both designs");
        assertEquals(agents.get(0), agents.get(1), "the same agent draws under both designs");
    }
}
