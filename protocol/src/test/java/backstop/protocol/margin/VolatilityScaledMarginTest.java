package backstop.protocol.margin;

import backstop.protocol.book.PriceLevelBook;
import backstop.protocol.book.SelfTradePrevention;
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

/**
 * Fractions × clamp(σ / σ_ref, floor, cap). With λ = 0 the average is the latest return alone, and a return
 * spanning a whole year (31,536,000 s) has annualised volatility |r|: the scale is |r| / σ_ref by hand.
 */
class VolatilityScaledMarginTest {
    static final long YEAR = 31_536_000L;

    static Market market(MarketSpec spec) {
        return new Market(spec, new PriceLevelBook(SelfTradePrevention.CANCEL_RESTING));
    }

    static Market tenFive() {
        return market(MarketSpec.builder(0, "X", "1", "0.001").margin(100_000, 50_000).funding(FundingParams.NONE).build());
    }

    /** σ_ref = 10%/yr, λ = 0, scale in [0.5×, 3×], 5% threshold. */
    static VolatilityScaledMargin model() {
        return new VolatilityScaledMargin(new TieredMargin(), 0, 100_000, 500_000, 3_000_000, 50_000);
    }

    private static boolean priceAt(VolatilityScaledMargin v, Market m, long ticks, long time) {
        m.setOraclePrice(ticks);
        return v.update(List.of(m), time);
    }

    @Test
    void fractionsScaleWithVolatilityOverTheReference() {
        Market m = tenFive();
        VolatilityScaledMargin v = model();
        assertFalse(priceAt(v, m, 10_000, 0), "first price: no return yet");
        assertEquals(100_000, v.initialPpm(m, 1));
        // 10000 → 12000 over a year: σ = ln 1.2 = 0.18232156, scale = ⌈1.8232156 × 10⁶⌉ = 1,823,216 ppm
        assertTrue(priceAt(v, m, 12_000, YEAR));
        assertEquals(1_823_216, v.scalePpm(0));
        // IMF ⌈100000 × 1.823216⌉ = 182,322; MMF ⌈50000 × 1.823216⌉ = 91,161 (rounded against the account)
        assertEquals(182_322, v.initialPpm(m, Amounts.micros(1_000)));
        assertEquals(91_161, v.maintenancePpm(m, Amounts.micros(1_000)));
        assertEquals(0.18232156, v.volatility(0), 1e-8);
    }

    @Test
    void scaleIsClampedAtCapAndFloorAndFractionsAt100Percent() {
        Market m = market(MarketSpec.builder(0, "X", "1", "0.001").margin(500_000, 250_000).funding(FundingParams.NONE).build());
        VolatilityScaledMargin v = model();
        priceAt(v, m, 15_158, 0);
        // 15158 → 24991: σ / σ_ref = 4.9999 → cap 3×; IMF 50% × 3 = 150% → 100%, MMF 25% × 3 = 75%
        assertTrue(priceAt(v, m, 24_991, YEAR));
        assertEquals(3_000_000, v.scalePpm(0));
        assertEquals(1_000_000, v.initialPpm(m, 1));
        assertEquals(750_000, v.maintenancePpm(m, 1));
        // No move for a year: σ = 0 → floor 0.5×
        assertTrue(priceAt(v, m, 24_991, 2 * YEAR));
        assertEquals(500_000, v.scalePpm(0));
        assertEquals(250_000, v.initialPpm(m, 1));
        assertEquals(125_000, v.maintenancePpm(m, 1));
    }

    @Test
    void smallMovesOfTheScaleAreNotReportedAndTheOldScaleStaysInForce() {
        Market m = tenFive();
        VolatilityScaledMargin v = model();
        priceAt(v, m, 10_000, 0);
        // proposed 1.030078×: 3.0% from 1× → not reported, 1× stays in force
        assertFalse(priceAt(v, m, 11_085, YEAR));
        assertEquals(1_000_000, v.scalePpm(0));
        assertEquals(50_000, v.maintenancePpm(m, 1));
        // proposed 1.049004×: still within 5% of the 1× in force
        assertFalse(priceAt(v, m, 12_311, 2 * YEAR));
        assertEquals(1_000_000, v.scalePpm(0));
        // proposed 1.060264×: 6.0% → reported and adopted
        assertTrue(priceAt(v, m, 13_688, 3 * YEAR));
        assertEquals(1_060_264, v.scalePpm(0));
        assertEquals(53_014, v.maintenancePpm(m, 1)); // ⌈50000 × 1.060264⌉
        // proposed 1.020090×: 3.8% below the 1.060264× in force → not reported
        assertFalse(priceAt(v, m, 15_158, 4 * YEAR));
        assertEquals(1_060_264, v.scalePpm(0));
    }

    @Test
    void aScaleWithinTheThresholdOfABoundStillMovesOntoIt() {
        Market m = tenFive();
        VolatilityScaledMargin v = model();
        priceAt(v, m, 10_000, 0);
        // ln(13364/10000) = 0.2899795 → 2.899795× adopted (from 1×)
        assertTrue(priceAt(v, m, 13_364, YEAR));
        assertEquals(2_899_795, v.scalePpm(0));
        // next, ln(18138/13364) / 0.1 = 3.0544× is capped at 3×: 3.5% away, within the threshold, but the cap is adopted
        assertTrue(priceAt(v, m, 18_138, 2 * YEAR));
        assertEquals(3_000_000, v.scalePpm(0));
    }

    @Test
    void eachMarketHasItsOwnScale() {
        Market a = tenFive();
        Market b = market(MarketSpec.builder(1, "Y", "1", "0.001").margin(100_000, 50_000).funding(FundingParams.NONE).build());
        VolatilityScaledMargin v = model();
        a.setOraclePrice(10_000);
        b.setOraclePrice(10_000);
        v.update(List.of(a, b), 0);
        a.setOraclePrice(12_000);
        b.setOraclePrice(11_085);
        assertTrue(v.update(List.of(a, b), YEAR));
        assertEquals(1_823_216, v.scalePpm(0));
        assertEquals(1_000_000, v.scalePpm(1));
    }

    @Test
    void tierCeilingsAreTheBaseModels() {
        Market m = market(MarketSpec.builder(0, "X", "1", "0.001").funding(FundingParams.NONE)
                .tiers(List.of(new MarginTier(Amounts.micros(50_000), 100_000, 50_000), MarginTier.flat(200_000, 100_000)))
                .build());
        VolatilityScaledMargin v = model();
        priceAt(v, m, 10_000, 0);
        priceAt(v, m, 12_000, YEAR);
        assertEquals(Amounts.micros(50_000), v.maintenanceStableUpTo(m, Amounts.micros(10_000)));
        assertEquals(Long.MAX_VALUE, v.maintenanceStableUpTo(m, Amounts.micros(60_000)));
        // Scaled tiers still rise with notional: ⌈50000 × 1.823216⌉ < ⌈100000 × 1.823216⌉
        assertEquals(91_161, v.maintenancePpm(m, Amounts.micros(50_000)));
        assertEquals(182_322, v.maintenancePpm(m, Amounts.micros(50_001)));
    }

    @Test
    void beforeAnyReturnTheScaleIsOneClampedToTheBounds() {
        Market m = tenFive();
        VolatilityScaledMargin atLeastDouble = new VolatilityScaledMargin(new TieredMargin(), 940_000, 800_000,
                2_000_000, 3_000_000, 50_000);
        assertEquals(200_000, atLeastDouble.initialPpm(m, 1));
        assertEquals(100_000, atLeastDouble.maintenancePpm(m, 1));
    }

    @Test
    void invalidArgumentsAreRefusedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VolatilityScaledMargin(new TieredMargin(), 940_000, 0, 1_000_000, 3_000_000, 50_000));
        assertTrue(e.getMessage().startsWith("referenceVolPpm"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new VolatilityScaledMargin(new TieredMargin(), 940_000, 800_000, 3_000_000, 1_000_000, 50_000));
        assertTrue(e.getMessage().startsWith("floorPpm, capPpm"), e.getMessage());
    }
}
