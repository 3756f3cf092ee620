package backstop.analysis.facts;

import backstop.analysis.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StylizedFactsTest {
    @Test
    void logReturnsSkipPairsWithAMissingPrice() {
        double[] r = StylizedFacts.logReturns(new double[] {100, 110, Double.NaN, 121, 121, 0, 50});
        assertArrayEquals(new double[] {Math.log(1.1), 0}, r, 1e-15);
    }

    @Test
    void autocorrelationOfALinearRamp() {
        // 1..5: deviations −2 −1 0 1 2, Σ² = 10; lag 1: (2 + 0 + 0 + 2) / 10 = 0.4; lag 2: (0 − 1 + 0) / 10 = −0.1;
        // lag 3: (−2 × 1 + −1 × 2) / 10 = −0.4.
        double[] x = {1, 2, 3, 4, 5};
        assertEquals(0.4, StylizedFacts.autocorrelation(x, 1), 1e-15);
        assertEquals(-0.1, StylizedFacts.autocorrelation(x, 2), 1e-15);
        assertEquals(-0.4, StylizedFacts.autocorrelation(x, 3), 1e-15);
        assertTrue(Double.isNaN(StylizedFacts.autocorrelation(x, 4)));
        assertTrue(Double.isNaN(StylizedFacts.autocorrelation(new double[] {2, 2, 2, 2}, 1)));
        assertThrows(IllegalArgumentException.class, () -> StylizedFacts.autocorrelation(x, 0));
    }

    @Test
    void excessKurtosisIsTheBiasCorrectedEstimator() {
        // 1..5: s² = 2.5, Σ z⁴ = 34 / 6.25 = 5.44; 5·6/(4·3·2) × 5.44 − 3·16/(3·2) = 6.8 − 8 = −1.2.
        assertEquals(-1.2, StylizedFacts.excessKurtosis(new double[] {1, 2, 3, 4, 5}), 1e-12);
        // 0, 0, 0, 0, 0, 10: mean 10/6, s² = (5 × (10/6)² + (50/6)²) / 5 = 50/3, s⁴ = 2500/9;
        // Σ z⁴ = (5 × (10/6)⁴ + (50/6)⁴) / s⁴ = 17.5; 6·7/(5·4·3) × 17.5 − 3·25/(4·3) = 12.25 − 6.25 = 6 (fat tail).
        assertEquals(6.0, StylizedFacts.excessKurtosis(new double[] {0, 0, 0, 0, 0, 10}), 1e-12);
        assertTrue(Double.isNaN(StylizedFacts.excessKurtosis(new double[] {1, 2, 3})));
    }

    @Test
    void shareWithinBandCountsOnlyQuotedSamples() {
        // |100/100 − 1| = 0 ✓, |100.4/100 − 1| = 0.004 ✓, 0.01 ✗; the NaN sample does not count.
        double[] mark = {100, 100.4, 101, Double.NaN};
        double[] index = {100, 100, 100, 100};
        assertEquals(2.0 / 3, StylizedFacts.shareWithinBand(mark, index, 0.005), 1e-15);
        assertEquals(1.0, StylizedFacts.shareWithinBand(mark, index, 0.02), 1e-15);
        // The band is inclusive: 125 / 100 − 1 = 0.25 exactly in binary.
        assertEquals(1.0, StylizedFacts.shareWithinBand(new double[] {125}, new double[] {100}, 0.25));
        assertThrows(IllegalArgumentException.class, () -> StylizedFacts.shareWithinBand(mark, new double[1], 0.01));
        assertThrows(IllegalArgumentException.class, () -> StylizedFacts.shareWithinBand(mark, index, -1));
    }

    @Test
    void factsOfATimeseriesUseTheMarkColumn() {
        Table ts = new Table("t.csv", List.of("time", "x_index", "x_mark"), List.of(
                new String[] {"0", "100", "100"}, new String[] {"1", "100", "110"}, new String[] {"2", "100", "99"},
                new String[] {"3", "100", "99"}, new String[] {"4", "100", "100.2"}));
        StylizedFacts f = StylizedFacts.of(ts, "x", 0.005);
        assertEquals(4, f.returns());
        assertEquals(2.0 / 5, f.markWithinBand(), 1e-15);
        assertEquals(StylizedFacts.MAX_LAG, f.absReturnAutocorrelation().size());
        double[] r = {Math.log(1.1), Math.log(0.9), 0, Math.log(100.2 / 99)};
        double[] abs = {Math.abs(r[0]), Math.abs(r[1]), 0, Math.abs(r[3])};
        assertEquals(StylizedFacts.autocorrelation(abs, 1), f.absReturnAutocorrelation().get(0), 1e-15);
        assertEquals(StylizedFacts.excessKurtosis(r), f.excessKurtosis(), 1e-15);
    }
}
