package backstop.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TailRiskTest {
    @Test
    void varAndLarAreType7NinetyFifthPercentiles() {
        double[] badDebt = new double[20];
        double[] liquidated = new double[20];
        for (int i = 0; i < 20; i++) {
            badDebt[19 - i] = i;            // 0..19 reversed: order must not matter
            liquidated[i] = 100.0 * i;
        }
        // h = 19 × 0.95 = 18.05 → 18 + 0.05 × (19 − 18) = 18.05; and 1800 + 0.05 × 100 = 1805.
        TailRisk t = TailRisk.of("d", badDebt, liquidated);
        assertEquals(18.05, t.valueAtRisk(), 1e-12);
        assertEquals(1805, t.liquidationsAtRisk(), 1e-9);
        assertEquals(20, t.runs());
    }

    @Test
    void perDesignFromASweep(@TempDir Path tmp) throws IOException {
        List<TailRisk> risks = TailRisk.byDesign(SweepResults.load(Fixtures.sweep(tmp)));
        // base: bad debt {10, 30}: h = 0.95 → 10 + 0.95 × 20 = 29; notional {100, 500}: 100 + 0.95 × 400 = 480.
        assertEquals(new TailRisk("base", 2, 29, 480), risks.get(0));
        // vault: bad debt sorted {1, 2, 5}: h = 1.9 → 2 + 0.9 × 3 = 4.7; notional {50, 70, 400}: 70 + 0.9 × 330 = 367.
        assertEquals("vault", risks.get(1).design());
        assertEquals(4.7, risks.get(1).valueAtRisk(), 1e-12);
        assertEquals(367, risks.get(1).liquidationsAtRisk(), 1e-9);
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TailRisk.of("d", new double[2], new double[3]));
    }
}
