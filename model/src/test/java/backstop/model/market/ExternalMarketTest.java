package backstop.model.market;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExternalMarketTest {
    @Test
    void linearImpactMovesTheLogPriceInProportionToNotionalAndHalvesEachHalfLife() {
        ExternalMarket m = new ExternalMarket(100, ImpactShape.LINEAR, 0.01, 1_000_000, 60);
        double avg = m.trade(-5_000_000);  // sell $5M into $1M of depth at k = 1%: log-price −5%
        assertEquals(-0.05, m.impact(), 1e-12);
        assertEquals(100 * Math.exp(-0.05), m.price(), 1e-9);
        assertEquals(0.5 * (100 + 100 * Math.exp(-0.05)), avg, 1e-9);
        m.decay(60);
        assertEquals(-0.025, m.impact(), 1e-12);
        m.setReference(80);
        assertEquals(80 * Math.exp(-0.025), m.price(), 1e-9);
    }

    @Test
    void squareRootImpactGrowsWithTheRootOfSize() {
        ExternalMarket m = new ExternalMarket(100, ImpactShape.SQUARE_ROOT, 0.01, 1_000_000, Double.POSITIVE_INFINITY);
        m.trade(4_000_000);
        assertEquals(0.02, m.impact(), 1e-12);
        m.decay(1e9);
        assertEquals(0.02, m.impact(), 1e-12, "infinite half-life: permanent impact");
    }

    @Test
    void thinnerDepthMeansMoreImpactForTheSameTrade() {
        ExternalMarket deep = new ExternalMarket(100, ImpactShape.LINEAR, 0.01, 1_000_000, 60);
        ExternalMarket thin = new ExternalMarket(100, ImpactShape.LINEAR, 0.01, 1_000_000, 60);
        thin.setDepthFactor(0.2);
        deep.trade(-1_000_000);
        thin.trade(-1_000_000);
        assertTrue(thin.price() < deep.price());
        assertEquals(5 * deep.impact(), thin.impact(), 1e-12);
    }
}
