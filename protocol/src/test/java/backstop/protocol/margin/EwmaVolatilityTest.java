package backstop.protocol.margin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EWMA of squared log returns per second (RiskMetrics), on hand-made price series. */
class EwmaVolatilityTest {

    @Test
    void averageFollowsTheRecursionOnAHandMadeSeries() {
        // λ = 0.75, starting from 0; prices 1000 → 1100 → 990 ticks one second apart:
        // r1 = ln 1.1, r1² = 0.009084030374; r2 = ln 0.9, r2² = 0.011100838260
        // v1 = 0.25·r1² = 0.002271007594; v2 = 0.75·v1 + 0.25·r2² = 0.004478465260
        EwmaVolatility v = new EwmaVolatility(750_000, 0);
        assertFalse(v.sample(1000, 0), "the first price gives no return");
        assertTrue(v.sample(1100, 1));
        assertEquals(0.002271007594, v.variancePerSecond(), 1e-12);
        assertTrue(v.sample(990, 2));
        assertEquals(0.004478465260, v.variancePerSecond(), 1e-12);
        // annualised: √(v × 365 × 86400) = 375.809633
        assertEquals(375.809633, v.annualized(), 1e-6);
    }

    @Test
    void aReturnIsSpreadOverTheSecondsItSpans() {
        // The same +10% move over 4 s adds a quarter of the variance per second: 0.25·r1²/4 = 0.000567751898
        EwmaVolatility v = new EwmaVolatility(750_000, 0);
        v.sample(1000, 10);
        v.sample(1100, 14);
        assertEquals(0.000567751898, v.variancePerSecond(), 1e-12);
    }

    @Test
    void pricesWithinTheSameSecondAreCountedOnceTimeAdvances() {
        EwmaVolatility v = new EwmaVolatility(750_000, 0);
        v.sample(1000, 0);
        assertFalse(v.sample(1050, 0));
        assertEquals(0, v.variancePerSecond());
        assertTrue(v.sample(1100, 1)); // one return 1000 → 1100
        assertEquals(0.002271007594, v.variancePerSecond(), 1e-12);
        assertFalse(v.sample(0, 2), "no price yet is not a sample");
    }

    @Test
    void theAverageStartsAtTheGivenAnnualVolatility() {
        EwmaVolatility v = new EwmaVolatility(940_000, 800_000);
        assertEquals(0.8, v.annualized(), 1e-12);
        assertEquals(0.64 / 31_536_000, v.variancePerSecond(), 1e-20);
        // A flat price decays it by λ per block: 0.8 × √0.94
        v.sample(5000, 0);
        v.sample(5000, 1);
        assertEquals(0.8 * Math.sqrt(0.94), v.annualized(), 1e-12);
    }

    @Test
    void decayOutsideItsRangeIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EwmaVolatility(1_000_000, 0));
        assertTrue(e.getMessage().startsWith("lambdaPpm"), e.getMessage());
    }
}
