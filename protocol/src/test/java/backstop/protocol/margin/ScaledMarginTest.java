package backstop.protocol.margin;

import backstop.protocol.parameters.Parameters;
import backstop.protocol.market.FundingParams;
import backstop.protocol.market.MarginTier;
import backstop.protocol.market.Market;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The governance lever: margin.scale_ppm multiplies both fractions from the end of the block it is set in. */
class ScaledMarginTest {

    @Test
    void aNewScaleTakesEffectAtTheNextUpdateOnly() {
        Market m = VolatilityScaledMarginTest.tenFive();
        ScaledMargin s = new ScaledMargin(new TieredMargin());
        Parameters params = new Parameters();
        s.register(params);
        assertEquals(1_000_000, params.get(ScaledMargin.PARAMETER).value());
        assertEquals(50_000, s.maintenancePpm(m, 1));
        assertFalse(s.update(List.of(m), 0), "nothing changed");

        params.set(ScaledMargin.PARAMETER, 2_000_000, "test", 0);
        assertEquals(50_000, s.maintenancePpm(m, 1), "in force only from the update");
        assertTrue(s.update(List.of(m), 1));
        assertEquals(200_000, s.initialPpm(m, 1));
        assertEquals(100_000, s.maintenancePpm(m, 1));
        assertFalse(s.update(List.of(m), 2), "reported once");
    }

    @Test
    void scaledFractionsRoundUpAndStopAt100Percent() {
        Market m = VolatilityScaledMarginTest.tenFive();
        ScaledMargin s = new ScaledMargin(new TieredMargin(), 1_333_333, 500_000, 20_000_000);
        s.register(new Parameters());
        assertEquals(133_334, s.initialPpm(m, 1)); // ⌈100000 × 1.333333⌉ = ⌈133333.3⌉
        assertEquals(66_667, s.maintenancePpm(m, 1)); // ⌈66666.65⌉
        Parameters params = new Parameters();
        ScaledMargin big = new ScaledMargin(new TieredMargin(), 15_000_000, 500_000, 20_000_000);
        big.register(params);
        assertEquals(1_000_000, big.initialPpm(m, 1));
        assertEquals(750_000, big.maintenancePpm(m, 1));
    }

    @Test
    void updatesAndRegistersTheModelItWraps() {
        Market m = VolatilityScaledMarginTest.tenFive();
        ScaledMargin inner = new ScaledMargin(new TieredMargin());
        VolatilityScaledMargin vol = new VolatilityScaledMargin(inner, 0, 100_000, 500_000, 3_000_000, 50_000);
        Parameters params = new Parameters();
        vol.register(params);
        params.set(ScaledMargin.PARAMETER, 3_000_000, "test", 0);
        m.setOraclePrice(10_000);
        assertTrue(vol.update(List.of(m), 0), "the inner scale changed");
        assertEquals(150_000, vol.maintenancePpm(m, 1));
    }

    @Test
    void theOuterScaleUpdatesTheAdaptiveModelInside() {
        // ScaledMargin(VolatilityScaledMargin): σ_ref 10%/yr, λ 0; 10000 → 12000 over a year is 1.823216×,
        // and governance's 2× comes on top: MMF ⌈⌈50000 × 1.823216⌉ × 2⌉ = 91161 × 2 = 182322.
        Market m = VolatilityScaledMarginTest.tenFive();
        ScaledMargin s = new ScaledMargin(VolatilityScaledMarginTest.model(), 2_000_000, 500_000, 3_000_000);
        s.register(new Parameters());
        m.setOraclePrice(10_000);
        s.update(List.of(m), 0);
        m.setOraclePrice(12_000);
        assertTrue(s.update(List.of(m), VolatilityScaledMarginTest.YEAR), "the inner model's change is reported");
        assertEquals(182_322, s.maintenancePpm(m, 1));
    }

    @Test
    void dydxTiersUnderTheGovernanceScale() {
        // MECHANISMS §1: Large-cap IMF 2%, maintenance fraction 60% → MMF 1.2%. At 2.5× that is the 5% IMF of
        // the 2023 genesis, with MMF 3%.
        Market largeCap = market(MarginTier.dydx(20_000, 600_000), 0, 0);
        ScaledMargin s = new ScaledMargin(new OiScaledMargin(new TieredMargin()), 2_500_000, 500_000, 10_000_000);
        s.register(new Parameters());
        assertEquals(50_000, s.initialPpm(largeCap, 1));
        assertEquals(30_000, s.maintenancePpm(largeCap, 1));
        // Isolated tier: IMF 5%, MMF 3%, OI caps $0.5M–$1M. Open notional $750k: scaling 0.5, effective IMF
        // 5% + 0.5 × 95% = 52.5% (MMF unchanged); the governance scale applies on top: 1.5× → 78.75%, 4.5%.
        Market isolated = market(MarginTier.dydx(50_000, 600_000), Amounts.micros(500_000), Amounts.micros(1_000_000));
        isolated.setOraclePrice(1_000);
        isolated.recordTrade(1_000, 750); // 750 lots × $1,000
        Parameters params = new Parameters();
        ScaledMargin g = new ScaledMargin(new OiScaledMargin(new TieredMargin()));
        g.register(params);
        assertEquals(525_000, g.initialPpm(isolated, 1));
        params.set(ScaledMargin.PARAMETER, 1_500_000, "test", 0);
        g.update(List.of(isolated), 1);
        assertEquals(787_500, g.initialPpm(isolated, 1));
        assertEquals(45_000, g.maintenancePpm(isolated, 1));
        // 2×: 105% is capped at 100%; MMF 6%
        params.set(ScaledMargin.PARAMETER, 2_000_000, "test", 0);
        g.update(List.of(isolated), 2);
        assertEquals(1_000_000, g.initialPpm(isolated, 1));
        assertEquals(60_000, g.maintenancePpm(isolated, 1));
    }

    /** $1 ticks, 1-unit lots: a lot at a tick is $1. */
    private static Market market(MarginTier tier, long oiLowerCap, long oiUpperCap) {
        return VolatilityScaledMarginTest.market(MarketSpec.builder(0, "D", "1", "1").tiers(List.of(tier))
                .oiScaledImf(oiLowerCap, oiUpperCap).funding(FundingParams.NONE).build());
    }

    @Test
    void boundsOutOfOrderAreRefusedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScaledMargin(new TieredMargin(), 1_000_000, 2_000_000, 3_000_000));
        assertTrue(e.getMessage().startsWith("minScalePpm"), e.getMessage());
    }
}
