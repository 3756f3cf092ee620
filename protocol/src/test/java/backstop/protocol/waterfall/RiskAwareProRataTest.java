package backstop.protocol.waterfall;

import backstop.protocol.event.AbsorberKind;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chitra's risk-aware pro rata (arXiv 2512.01112, §7.1, Algorithm 2, Appendix E.1). */
class RiskAwareProRataTest {
    private static final RiskAwareProRata LINEAR = new RiskAwareProRata(RiskAwareProRata.Risk.LINEAR, 0, 0);

    /**
     * Appendix E.1's RAP weighting example: winners A, C, E with effective leverages ≈ 1.031, 0.925, 1.548 and
     * pro-rata shares (∝ equity) ≈ 0.163, 0.728, 0.109. RAP shares are ∝ e_i · λ_i · g(λ_i): the paper gives
     * (0.164, 0.589, 0.246) for g = λ, (0.155, 0.498, 0.348) for g = λ², (0.149, 0.114, 0.737) for g = (λ − 0.9)⁺.
     * Its leverages are rounded to three places, so the shares agree to ±0.0015.
     */
    @Test
    void reproducesThePapersWorkedExampleOfTheThreeRiskModels() {
        double[] equityShare = {0.163, 0.728, 0.109};
        double[] leverage = {1.031, 0.925, 1.548};
        double[][] paper = {{0.164, 0.589, 0.246}, {0.155, 0.498, 0.348}, {0.149, 0.114, 0.737}};
        RiskAwareProRata[] models = {LINEAR, new RiskAwareProRata(RiskAwareProRata.Risk.POWER, 2, 0),
                new RiskAwareProRata(RiskAwareProRata.Risk.CVAR, 0, 900_000)};
        long budget = Amounts.micros(10_000);                           // 1% of their equity: no cap binds
        for (int m = 0; m < models.length; m++) {
            BigInteger[] weights = new BigInteger[3];
            long[] caps = new long[3];
            for (int i = 0; i < 3; i++) {
                long equity = Math.round(equityShare[i] * 1e12);          // $1M of winners' equity in all
                long notional = Math.round(leverage[i] * equity);
                weights[i] = models[m].weight(new AdlCandidate(i, 1, notional, notional, equity, 0, equity));
                caps[i] = equity;
            }
            long[] haircut = RiskAwareProRata.allocate(caps, weights, budget);
            assertEquals(budget, haircut[0] + haircut[1] + haircut[2]);
            for (int i = 0; i < 3; i++) {
                assertEquals(paper[m][i], haircut[i] / (double) budget, 0.0015, "model " + m + " winner " + i);
            }
        }
    }

    /** M is long 20 against S1 (4 at $100), S2 (6 at $100), S3 (10 at $110); the oracle is then $85. */
    private static final class Winners {
        final WaterfallFixture f;
        final int s1;
        final int s2;
        final int s3;
        final int m;

        Winners(RiskAwareProRata rap) {
            f = WaterfallFixture.of(List.of(rap), "0");
            s1 = f.open("50");
            s2 = f.open("200");
            s3 = f.open("1000");
            m = f.open("10000");
            f.price(0, "110");
            f.trade(m, s3, 0, "110", 10);
            f.price(0, "100");
            f.trade(m, s1, 0, "100", 4);
            f.trade(m, s2, 0, "100", 6);
            f.price(0, "85");
        }

        long[] balances() {
            return new long[] {f.balance(s1), f.balance(s2), f.balance(s3), f.balance(m)};
        }
    }

    private static long[] paid(long[] before, long[] after) {
        long[] out = new long[before.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = before[i] - after[i];
        }
        return out;
    }

    /**
     * The shorts won: S1 value $110 on $340 of notional (λ 3.0909), S2 $290 on $510 (λ 1.7586), S3 $1,250 on $850
     * (λ 0.68), profits $60, $90, $250. Linear weights |notional| · λ: 1050.9, 896.9, 578.0. A $100 deficit is
     * $41.61, $35.51, $22.88 — where pro rata on profit takes $15, $22.50, $62.50; $200 caps S1 at its $60 and splits
     * $140 over S2 and S3 as 896.9 : 578.0 ($85.14, $54.86). Exact micros from ppm leverages, largest remainder.
     */
    @Test
    void takesTheDeficitTiltedTowardLeverageButNeverMoreThanAWinnersProfit() {
        Winners w = new Winners(LINEAR);
        long[] before = w.balances();
        int bankrupt = w.f.settleDeficit("100");
        assertArrayEquals(new long[] {41_606_892, 35_509_317, 22_883_791, 0}, paid(before, w.balances()));
        assertEquals(0, w.f.balance(bankrupt));
        ProtocolEvent.LossAbsorbed share = w.f.shares(w.f.log.of(ProtocolEvent.BadDebt.class).get(0)).get(0);
        assertEquals("risk-aware-pro-rata", share.absorber());
        assertEquals(AbsorberKind.SOCIALIZED, share.kind());
        w.f.assertConserved();

        Winners capped = new Winners(LINEAR);
        before = capped.balances();
        capped.f.settleDeficit("200");
        assertArrayEquals(new long[] {60_000_000, 85_135_122, 54_864_878, 0}, paid(before, capped.balances()));
        capped.f.assertConserved();
    }

    /**
     * The corrected Algorithm 2 (PnL endowments): weights uPnL · λ · g(λ), here uPnL · λ² — S1 60 × 3.090909²,
     * S2 90 × 1.758620², S3 250 × 0.68² = 573.2, 278.3, 115.6 — so $100 is $59.27, $28.78, $11.95 (equity mass:
     * $41.61, $35.51, $22.88); $200 caps S1 at $60 and S2 at $90 (its 278.3 ÷ 393.9 of $140 is $98.91) and S3 pays $50.
     */
    @Test
    void theProfitMassWeighsEachWinnersProfitRatherThanItsEquity() {
        RiskAwareProRata profit = new RiskAwareProRata(RiskAwareProRata.Risk.LINEAR, 0, 0, RiskAwareProRata.Mass.PROFIT);
        Winners w = new Winners(profit);
        long[] before = w.balances();
        w.f.settleDeficit("100");
        assertArrayEquals(new long[] {59_268_076, 28_779_528, 11_952_396, 0}, paid(before, w.balances()));
        w.f.assertConserved();

        Winners capped = new Winners(profit);
        before = capped.balances();
        capped.f.settleDeficit("200");
        assertArrayEquals(new long[] {60_000_000, 90_000_000, 50_000_000, 0}, paid(before, capped.balances()));
        capped.f.assertConserved();
        assertThrows(IllegalArgumentException.class,
                () -> new RiskAwareProRata(RiskAwareProRata.Risk.LINEAR, 0, 0, null));
    }

    @Test
    void whenTheWinnersProfitIsShortEachPaysItAllAndTheRestIsUncovered() {
        Winners w = new Winners(LINEAR);
        long[] before = w.balances();
        w.f.settleDeficit("500");
        assertArrayEquals(new long[] {Amounts.micros(60), Amounts.micros(90), Amounts.micros(250), 0},
                paid(before, w.balances()));
        List<ProtocolEvent.LossAbsorbed> shares = w.f.shares(w.f.log.of(ProtocolEvent.BadDebt.class).get(0));
        assertEquals(Amounts.micros(400), shares.get(0).amount());
        assertEquals("uncovered", shares.get(1).absorber());
        assertEquals(Amounts.micros(100), shares.get(1).amount());
        w.f.assertConserved();
    }

    /** CVaR at 1×: S3 (λ 0.68) is below the threshold and pays nothing; S1's 2.09 × $340 caps it at $60 of $100. */
    @Test
    void cvarSparesWinnersBelowTheThreshold() {
        Winners w = new Winners(new RiskAwareProRata(RiskAwareProRata.Risk.CVAR, 0, 1_000_000));
        long[] before = w.balances();
        w.f.settleDeficit("100");
        assertArrayEquals(new long[] {Amounts.micros(60), Amounts.micros(40), 0, 0}, paid(before, w.balances()));
        w.f.assertConserved();
    }

    /** 7 micros: ⌊7 · k / K⌋ = 2, 2, 1 (remainders .91, .48, .60), the two left to S1 and S3. */
    @Test
    void roundingGivesTheLastMicrosToTheLargestRemaindersAndNeverOvershoots() {
        Winners w = new Winners(LINEAR);
        long[] before = w.balances();
        w.f.settleDeficit("0.000007");
        assertArrayEquals(new long[] {3, 2, 2, 0}, paid(before, w.balances()));
        w.f.assertConserved();
    }

    @Test
    void theRiskModelsWeighLeverageAsThePaperWritesThem() {
        assertEquals(3_090_909, LINEAR.riskPpm(3_090_909));
        assertEquals(9_553_718, new RiskAwareProRata(RiskAwareProRata.Risk.POWER, 2, 0).riskPpm(3_090_909));
        assertEquals(2_090_909, new RiskAwareProRata(RiskAwareProRata.Risk.CVAR, 0, 1_000_000).riskPpm(3_090_909));
        assertEquals(0, new RiskAwareProRata(RiskAwareProRata.Risk.CVAR, 0, 1_000_000).riskPpm(680_000));
        assertThrows(IllegalArgumentException.class, () -> new RiskAwareProRata(RiskAwareProRata.Risk.POWER, 0, 0));
        assertTrue(LINEAR.weight(new AdlCandidate(0, 1, 5, 5, 0, 0, 0)).signum() == 0, "no value, no weight");
    }
}
