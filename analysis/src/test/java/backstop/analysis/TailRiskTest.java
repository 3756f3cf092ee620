package backstop.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TailRiskTest {
    @Test
    void varBadDebtAtRiskAndLarAreType7NinetyFifthPercentiles() {
        double[] borne = new double[20];
        double[] badDebt = new double[20];
        double[] liquidated = new double[20];
        for (int i = 0; i < 20; i++) {
            borne[19 - i] = 3.0 * i;        // 0..57 reversed: order must not matter
            badDebt[i] = i;
            liquidated[i] = 100.0 * i;
        }
        // h = 19 × 0.95 = 18.05 → 3 × (18 + 0.05 × (19 − 18)) = 54.15; 18.05; and 1800 + 0.05 × 100 = 1805.
        TailRisk t = TailRisk.of("d", "loss_borne", borne, badDebt, liquidated);
        assertEquals(54.15, t.valueAtRisk(), 1e-12);
        assertEquals(57, t.expectedShortfall(), 0, "⌈20 × 5%⌉ = 1: the worst run");
        assertEquals(18.05, t.badDebtAtRisk(), 1e-12);
        assertEquals(1805, t.liquidationsAtRisk(), 1e-9);
        assertEquals(20, t.runs());
        assertEquals("loss_borne", t.lossMetric());
    }

    @Test
    void expectedShortfallIsTheMeanOfTheWorstFivePercent() {
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = 100 - i;
        }
        assertEquals(98, TailRisk.expectedShortfall(hundred), 1e-12, "the worst 5: 96..100");
        double[] twentyOne = new double[21];
        for (int i = 0; i < 21; i++) {
            twentyOne[i] = i;
        }
        assertEquals(19.5, TailRisk.expectedShortfall(twentyOne), 1e-12, "⌈21 × 5%⌉ = 2: 19 and 20");
        assertEquals(7, TailRisk.expectedShortfall(new double[] {7}), 0, "at least one run");
        assertTrue(Double.isNaN(TailRisk.expectedShortfall(new double[0])));
    }

    @Test
    void perDesignFromASweepLeadsWithLossBorne(@TempDir Path tmp) throws IOException {
        SweepResults sweep = SweepResults.load(Fixtures.sweep(tmp));
        assertEquals("loss_borne", TailRisk.lossMetric(sweep));
        assertTrue(TailRisk.fallbackNote(sweep).isEmpty());
        List<TailRisk> risks = TailRisk.byDesign(sweep);
        // base: loss borne {12, 40}: h = 0.95 → 12 + 0.95 × 28 = 38.6, CVaR the worst, 40; bad debt {10, 30}:
        // 10 + 0.95 × 20 = 29; notional {100, 500}: 100 + 0.95 × 400 = 480.
        TailRisk base = risks.get(0);
        assertEquals("base", base.design());
        assertEquals(38.6, base.valueAtRisk(), 1e-12);
        assertEquals(40, base.expectedShortfall(), 0);
        assertEquals(29, base.badDebtAtRisk(), 1e-12);
        assertEquals(480, base.liquidationsAtRisk(), 1e-12);
        // vault: loss borne sorted {1, 6, 8}: h = 1.9 → 6 + 0.9 × 2 = 7.8, CVaR 8; bad debt {1, 2, 5}: 2 + 0.9 × 3 = 4.7;
        // notional {50, 70, 400}: 70 + 0.9 × 330 = 367.
        TailRisk vault = risks.get(1);
        assertEquals("vault", vault.design());
        assertEquals(3, vault.runs());
        assertEquals(7.8, vault.valueAtRisk(), 1e-12);
        assertEquals(8, vault.expectedShortfall(), 0);
        assertEquals(4.7, vault.badDebtAtRisk(), 1e-12);
        assertEquals(367, vault.liquidationsAtRisk(), 1e-9);
    }

    @Test
    void aRunsCsvWithoutLossBorneFallsBackToBadDebtAndSaysSo(@TempDir Path tmp) throws IOException {
        SweepResults sweep = SweepResults.load(Fixtures.sweepWithoutLossBorne(tmp));
        assertEquals("bad_debt", TailRisk.lossMetric(sweep));
        String note = TailRisk.fallbackNote(sweep).orElseThrow();
        assertTrue(note.contains("no loss_borne column") && note.contains("of bad_debt"), note);
        TailRisk base = TailRisk.byDesign(sweep).get(0);
        assertEquals("bad_debt", base.lossMetric());
        assertEquals(29, base.valueAtRisk(), 1e-12, "VaR of bad debt {10, 30}");
        assertEquals(30, base.expectedShortfall(), 0);
        assertEquals(29, base.badDebtAtRisk(), 1e-12);
    }

    @Test
    void missingColumnsAreNamed(@TempDir Path tmp) throws IOException {
        Fixtures.write(tmp.resolve("runs.csv"), "run_id,design,seed,max_cascade_size\na,d,1,3\n");
        SweepResults sweep = SweepResults.load(tmp);
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> TailRisk.byDesign(sweep));
        assertTrue(e.getMessage().contains("runs.csv") && e.getMessage().contains("loss_borne")
                && e.getMessage().contains("bad_debt") && e.getMessage().contains("liquidated_notional"), e.getMessage());
        Fixtures.write(tmp.resolve("runs.csv"), "run_id,design,seed,loss_borne\na,d,1,3\n");
        e = assertThrows(ResultFormatException.class, () -> TailRisk.byDesign(SweepResults.load(tmp)));
        assertTrue(e.getMessage().endsWith("no tail risk without the column liquidated_notional"), e.getMessage());
    }

    @Test
    void withoutBadDebtItsPercentileIsNaN(@TempDir Path tmp) throws IOException {
        Fixtures.write(tmp.resolve("runs.csv"), "run_id,design,seed,loss_borne,liquidated_notional\na,d,1,3,10\n");
        TailRisk t = TailRisk.byDesign(SweepResults.load(tmp)).get(0);
        assertEquals(3, t.valueAtRisk(), 0);
        assertTrue(Double.isNaN(t.badDebtAtRisk()));
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> TailRisk.of("d", "loss_borne", new double[2], new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> TailRisk.of("d", "loss_borne", new double[2], new double[3], new double[2]));
    }
}
