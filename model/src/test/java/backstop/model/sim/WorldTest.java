package backstop.model.sim;

import backstop.model.chain.OrderingRule;
import backstop.model.market.ImpactShape;
import backstop.model.price.ProcessSpec;
import backstop.model.world.World;
import backstop.model.world.WorldSpec;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventLog;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.market.MarketSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorldTest {
    /** BTC at $20,000 with a −30% Brownian-bridge drawdown from t = 60 s over 600 s; three oracle sources. */
    static WorldSpec crashWorld(long blocks) {
        MarketSpec btc = MarketSpec.builder(0, "BTC", "0.1", "0.001").build();
        ProcessSpec process = new ProcessSpec.Stress(new ProcessSpec.Gbm(0, 0.5), 60, 600, 0.30, 0.8);
        WorldSpec.Asset asset = new WorldSpec.Asset(btc, 20_000, process,
                new WorldSpec.External(ImpactShape.SQUARE_ROOT, 0.01, 10_000_000, 120));
        WorldSpec.Oracle oracle = new WorldSpec.Oracle(List.of(
                new WorldSpec.Source("binance", 3, 0.0, 1, 0, 0),
                new WorldSpec.Source("okx", 2, 0.001, 3, 1, 0),
                new WorldSpec.Source("chainlink", 1, 0.005, 3_600, 2, 0)), 0.1);
        WorldSpec.Chain chain = new WorldSpec.Chain(OrderingRule.PRIORITY_FEE, 30_000_000, 15_000_000, 20, 1, 2_000, 20);
        return new WorldSpec("test-crash", 1, blocks, 10, List.of(asset), new double[][] {{1}}, oracle, chain,
                List.of(new WorldSpec.Episode("gas", 60, 660, 6, 0.3)));
    }

    private static BackstopModel run(long seed, EventLog log) {
        BackstopModel model = new BackstopModel(seed, crashWorld(900), ProtocolConfig::basic, List.of(), log);
        model.runToEnd();
        return model;
    }

    @Test
    void theOracleFollowsTheExternalPriceThroughTheCrash() {
        EventLog log = new EventLog();
        BackstopModel model = run(1, log);
        World w = model.world();
        assertEquals(900, w.block());
        double external = w.venue(0).price();
        double reference = w.prices().price(0);
        assertEquals(reference, external, 1e-9, "no trades reached the venue, so no impact");
        double oracle = w.protocol().market(0).spec().price(w.protocol().market(0).oraclePrice());
        assertEquals(external, oracle, external * 0.002, "the weighted median tracks the venue");
        List<ProtocolEvent.OraclePrice> prices = log.of(ProtocolEvent.OraclePrice.class);
        assertTrue(prices.size() > 800, "a new price nearly every block: " + prices.size());
        double start = w.protocol().market(0).spec().price(prices.get(0).price());
        assertTrue(oracle < start * 0.8, "the crash shows in the oracle: " + start + " → " + oracle);
        assertEquals(0, w.protocol().ledger().total());
        var series = model.recorder().series();
        assertEquals(91, series.size(), "one sample every 10 s of 900 s, and the last block");
        assertEquals(900, series.column("block")[90], "the last row is the run's last block");
        double[] index = series.column("btc_index");
        assertEquals(1, series.column("time")[0], "first sample after block 1");
        assertEquals(20_000, index[0], 20_000 * 0.005);
        assertEquals(external, index[index.length - 1], external * 0.01);
    }

    @Test
    void theSameSeedGivesTheSameWorldAndAnotherSeedDoesNot() {
        EventLog a = new EventLog();
        EventLog b = new EventLog();
        EventLog c = new EventLog();
        long ha = run(5, a).world().protocol().stateHash();
        long hb = run(5, b).world().protocol().stateHash();
        long hc = run(6, c).world().protocol().stateHash();
        assertEquals(ha, hb);
        assertEquals(a.events(), b.events());
        assertNotEquals(ha, hc);
    }

    @Test
    void episodesSpikeGasAndThinTheVenueOnlyWhileTheyLast() {
        BackstopModel model = new BackstopModel(1, crashWorld(700), ProtocolConfig::basic, List.of(), new EventLog());
        model.start();
        for (int i = 0; i < 70; i++) {
            model.schedule.step(model);
        }
        // 70 empty blocks bring the 20-gwei base fee down to its 1-gwei floor; the episode multiplies it by 6.
        assertEquals(6.0, model.world().gas().baseFee(), 1e-9);
        assertEquals(0.3 * 10_000_000, model.world().venue(0).depth(), 1e-6);
        for (int i = 70; i < 680; i++) {
            model.schedule.step(model);
        }
        assertEquals(1.0, model.world().gas().baseFee(), 1e-9, "after the episode (t ≥ 660 s) the spike is gone");
        assertEquals(10_000_000, model.world().venue(0).depth(), 1e-6);
    }
}
