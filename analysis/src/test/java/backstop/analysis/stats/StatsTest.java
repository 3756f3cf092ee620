package backstop.analysis.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-computed values (t quantiles from tables). */
class StatsTest {
    @Test
    void tIntervalOfFiveValues() {
        // 2, 4, 4, 4, 6: mean 4, sd √2; t(0.975, 4) = 2.776445; half-width 2.776445 × √2 / √5 = 1.755978.
        Estimate e = Estimate.t(new double[] {2, 4, 4, 4, 6}, 0.95);
        assertEquals(5, e.n());
        assertEquals(4.0, e.mean(), 1e-12);
        assertEquals(Math.sqrt(2), e.sd(), 1e-12);
        assertEquals(4 - 1.755978, e.ciLow(), 1e-6);
        assertEquals(4 + 1.755978, e.ciHigh(), 1e-6);
    }

    @Test
    void tooFewValuesGiveNoInterval() {
        assertTrue(Double.isNaN(Estimate.t(new double[] {3}, 0.95).ciLow()));
        assertEquals(3.0, Estimate.t(new double[] {3}, 0.95).mean());
    }

    @Test
    void bootstrapIsReproducibleAndBracketsTheMean() {
        double[] xs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Estimate a = Estimate.bootstrap(xs, 0.9, 2_000, 42);
        Estimate b = Estimate.bootstrap(xs, 0.9, 2_000, 42);
        assertEquals(a, b);
        assertTrue(a.ciLow() < 5.5 && a.ciHigh() > 5.5);
        assertTrue(a.ciLow() > 3.5 && a.ciHigh() < 7.5, a.toString());
    }

    @Test
    void quantilesInterpolateLikeRType7() {
        double[] xs = {10, 1, 4, 7};               // sorted 1, 4, 7, 10
        assertEquals(1, Quantiles.of(xs, 0), 0);
        assertEquals(5.5, Quantiles.of(xs, 0.5), 1e-12);       // h = 1.5 → 4 + 0.5 × 3
        assertEquals(9.55, Quantiles.of(xs, 0.95), 1e-12);     // h = 2.85 → 7 + 0.85 × 3
    }

    @Test
    void pairedComparisonUsesPerSeedDifferences() {
        // differences −1, −2, 0, −3: mean −1.5, sd √(5/3); t(0.975, 3) = 3.182446.
        PairedComparison p = PairedComparison.of(new double[] {9, 8, 10, 7}, new double[] {10, 10, 10, 10}, 0.95);
        assertEquals(-1.5, p.meanDifference(), 1e-12);
        double half = 3.182446 * Math.sqrt(5.0 / 3) / 2;
        assertEquals(-1.5 - half, p.ciLow(), 1e-6);
        assertEquals(0.75, p.shareLower(), 1e-12);
        assertEquals(0.0, p.shareHigher(), 1e-12);
    }
}
