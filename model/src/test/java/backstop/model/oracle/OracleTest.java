package backstop.model.oracle;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OracleTest {
    @Test
    void sourcePublishesOnDeviationOrHeartbeatAndArrivesAfterItsDelay() {
        double[] venue = {100};
        // Chainlink-style: 0.5% deviation, 3,600 s heartbeat, 40 s delivery delay (MECHANISMS.md §8).
        OracleSource s = new OracleSource("chainlink", 1, () -> venue[0], 0.005, 3_600, 40);
        s.sample(0);
        assertTrue(Double.isNaN(s.delivered()), "nothing arrives before the delay");
        s.sample(40);
        assertEquals(100, s.delivered());
        venue[0] = 100.4;                       // +0.4%: below the threshold
        s.sample(100);
        s.sample(140);
        assertEquals(100, s.delivered());
        venue[0] = 100.6;                       // +0.6%: published at 200, arrives at 240
        s.sample(200);
        s.sample(239);
        assertEquals(100, s.delivered());
        s.sample(240);
        assertEquals(100.6, s.delivered());
        venue[0] = 100.7;                       // small move, but the heartbeat is due at 200 + 3,600
        s.sample(3_799);                        // 3,599 s since the last publication: not yet
        s.sample(3_800);                        // heartbeat: published now, arrives at 3,840
        s.sample(3_839);
        assertEquals(100.6, s.delivered());
        s.sample(3_840);
        assertEquals(100.7, s.delivered());
    }

    @Test
    void weightedMedianFollowsTheHeavySourcesAndIgnoresAThinOutlier() {
        // Hyperliquid's weights: Binance 3, OKX 2, Bybit 2, five others 1 (MECHANISMS.md §2).
        double[] prices = {100.0, 100.1, 99.9, 100.2, 99.8, 100.3, 99.7, 1_000.0};
        double[] weights = {3, 2, 2, 1, 1, 1, 1, 1};
        List<OracleSource> sources = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            double p = prices[i];
            sources.add(new OracleSource("s" + i, weights[i], () -> p, 0, 3, 0));
        }
        OracleAggregator agg = new OracleAggregator(sources, 0);
        agg.sample(0);
        // Sorted: 99.7(1) 99.8(1) 99.9(2) 100.0(3) … total 12: cumulative reaches 6 at 100.0 (1+1+2+3 = 7).
        assertEquals(100.0, agg.price());
        OracleAggregator single = new OracleAggregator(List.of(sources.get(7)), 0);
        single.sample(0);
        assertEquals(1_000.0, single.price(), "a single thin source is the price");
    }

    @Test
    void deviationGuardDropsSourcesFarFromTheMedian() {
        double[] thin = {100};
        List<OracleSource> sources = List.of(
                new OracleSource("a", 1, () -> 100, 0, 3, 0),
                new OracleSource("b", 1, () -> 101, 0, 3, 0),
                new OracleSource("thin", 5, () -> thin[0], 0, 3, 0));
        OracleAggregator guarded = new OracleAggregator(sources, 0.1);
        OracleAggregator open = new OracleAggregator(sources, 0);
        thin[0] = 2_300;                              // Mango: a +2,200% pump on one venue
        guarded.sample(0);
        assertEquals(2_300, open.price(), "the heavy thin source carries the weighted median");
        assertEquals(100, guarded.price(), "the guard drops it, leaving the median of a and b");
    }
}
