package backstop.protocol.margin;

import backstop.protocol.governance.Parameters;
import backstop.protocol.market.Market;
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
    void boundsOutOfOrderAreRefusedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScaledMargin(new TieredMargin(), 1_000_000, 2_000_000, 3_000_000));
        assertTrue(e.getMessage().startsWith("minScalePpm"), e.getMessage());
    }
}
