package backstop.protocol.waterfall;

import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Auto-deleveraging on one worked case. B is long 10 at $100 with $120 (S1 sold it 4, S2 6); M is long 10 at $110
 * from S3. The oracle gaps to $85 with an empty book: B is worth 120 − 1000 + 850 = −$30 and its bankruptcy price
 * is 880 / 10 = $88. The shorts are the winners: S1 uPnL $60, value $110; S2 $90, $290; S3 $250, $1,250.
 */
class AutoDeleveragingTest {
    int b;
    int s1;
    int s2;
    int s3;
    int m;

    WaterfallFixture crash(List<LossAbsorber> waterfall, String insurance, String bDeposit) {
        WaterfallFixture f = WaterfallFixture.of(waterfall, insurance);
        positions(f, bDeposit);
        f.price(0, "85");
        f.nextBlock(1);
        return f;
    }

    /** Opens the case's positions, the oracle at $100. */
    void positions(WaterfallFixture f, String bDeposit) {
        b = f.open(bDeposit);
        s1 = f.open("50");
        s2 = f.open("200");
        s3 = f.open("1000");
        m = f.open("10000");
        f.price(0, "110");
        f.trade(m, s3, 0, "110", 10);
        f.price(0, "100");
        f.trade(b, s1, 0, "100", 4);
        f.trade(b, s2, 0, "100", 6);
    }

    @Test
    void bitmexQueueOffsetsAtTheBankruptcyPriceAndLeavesTheBankruptAtZero() {
        WaterfallFixture f = crash(List.of(new InsuranceFundAbsorber(),
                new AutoDeleveraging(new BitmexRanking(), AdlPrice.BANKRUPTCY, true)), "0", "120");
        // BitMEX ranks S1 (15% × 340/110 = 0.464) before S2 (15% × 510/290 = 0.264) before S3 (22.7% × 0.68 = 0.155).
        List<ProtocolEvent.PositionTransfer> adl = f.adl();
        assertEquals(2, adl.size());
        assertEquals(s1, adl.get(0).toAccount());
        assertEquals(4, adl.get(0).size());
        assertEquals(s2, adl.get(1).toAccount());
        assertEquals(6, adl.get(1).size());
        assertEquals(8_800, adl.get(0).price(), "$88.00, the bankruptcy price");
        assertEquals(0, f.size(b));
        assertEquals(0, f.balance(b), "880 received for 10 lots at $88 repays −$880 exactly");
        assertEquals(0, f.size(s1));
        assertEquals(0, f.size(s2));
        assertEquals(-10, f.size(s3), "S3 is not needed");
        // S1 paid 4 × 88 from $450: $98 (its value fell $12 = 4 × (88 − 85)); S2 paid 6 × 88 from $800: $272.
        assertEquals(Amounts.micros(98), f.balance(s1));
        assertEquals(Amounts.micros(272), f.balance(s2));
        assertTrue(f.log.of(ProtocolEvent.BadDebt.class).isEmpty());
        f.assertConserved();
    }

    @Test
    void bankruptcyPriceRoundsAgainstTheBankruptAndTheDustGoesToTheDeficitStage() {
        WaterfallFixture f = crash(List.of(new InsuranceFundAbsorber(),
                new AutoDeleveraging(new BitmexRanking(), AdlPrice.BANKRUPTCY, true)), "1", "121.005");
        // p_b = 878.995 / 10 = $87.8995, rounded down to $87.89 for the selling long: it gets $878.90, $0.095 short.
        assertEquals(8_789, f.adl().get(0).price());
        ProtocolEvent.BadDebt debt = f.log.of(ProtocolEvent.BadDebt.class).get(0);
        assertEquals(95_000, debt.amount());
        assertEquals("insurance-fund", f.shares(debt).get(0).absorber());
        assertEquals(95_000, f.shares(debt).get(0).amount());
        assertEquals(0, f.balance(b));
        assertEquals(Amounts.micros("0.905"), f.balance(f.p.insuranceFundPot(0)));
        f.assertConserved();
    }

    @Test
    void oraclePriceOffsetLeavesTheWholeDeficitToTheNextAbsorber() {
        WaterfallFixture f = crash(List.of(new InsuranceFundAbsorber(),
                new AutoDeleveraging(new HyperliquidRanking(), AdlPrice.ORACLE, true), new SocializedLoss()), "0", "120");
        // Hyperliquid: S1 (100/85 × 340/110 = 3.64), S2 (2.07), S3 (110/85 × 850/1250 = 0.88); closed at $85.
        List<ProtocolEvent.PositionTransfer> adl = f.adl();
        assertEquals(List.of(s1, s2), List.of(adl.get(0).toAccount(), adl.get(1).toAccount()));
        assertEquals(8_500, adl.get(0).price());
        ProtocolEvent.BadDebt debt = f.log.of(ProtocolEvent.BadDebt.class).get(0);
        assertEquals(Amounts.micros(30), debt.amount());
        // Left with the only winner, S3, the socialized loss takes the $30 from its $250 of profit.
        List<ProtocolEvent.LossAbsorbed> shares = f.shares(debt);
        assertEquals(1, shares.size());
        assertEquals("socialized-loss", shares.get(0).absorber());
        assertEquals(Amounts.micros(2_070), f.balance(s3));
        assertEquals(0, f.balance(b));
        f.assertConserved();
    }

    @Test
    void noDeleveragingWhileTheInsuranceFundBeforeItCouldPay() {
        // dYdX: deleveraging only when the insurance fund is depleted (MECHANISMS §1).
        WaterfallFixture f = crash(List.of(new InsuranceFundAbsorber(),
                new AutoDeleveraging(new RandomRanking(1), AdlPrice.BANKRUPTCY, false)), "30", "120");
        assertTrue(f.adl().isEmpty());
        assertEquals(10, f.size(b), "the position waits for the book");
        WaterfallFixture g = crash(List.of(new InsuranceFundAbsorber(),
                new AutoDeleveraging(new RandomRanking(1), AdlPrice.BANKRUPTCY, false)), "29.999999", "120");
        assertEquals(10, g.adlLots());
        f.assertConserved();
        g.assertConserved();
    }

    @Test
    void proRataSpreadsTheOffsetOverEveryWinnerBySize() {
        WaterfallFixture f = crash(List.of(new AutoDeleveraging(new ProRataRanking(), AdlPrice.BANKRUPTCY, true)), "0", "120");
        // 10 lots over shorts of 4, 6 and 10 (20): 2, 3 and 5.
        assertEquals(-2, f.size(s1));
        assertEquals(-3, f.size(s2));
        assertEquals(-5, f.size(s3));
        assertEquals(0, f.balance(b));
        f.assertConserved();
    }

    @Test
    void randomRankingIsReproducibleBySeed() {
        List<ProtocolEvent.PositionTransfer> first = crash(List.of(
                new AutoDeleveraging(new RandomRanking(42), AdlPrice.BANKRUPTCY, true)), "0", "120").adl();
        List<ProtocolEvent.PositionTransfer> again = crash(List.of(
                new AutoDeleveraging(new RandomRanking(42), AdlPrice.BANKRUPTCY, true)), "0", "120").adl();
        assertEquals(first, again);
        assertEquals(10, first.stream().mapToLong(t -> Math.abs(t.size())).sum());
    }

    @Test
    void minimalHaircutClosesFewerLotsThanTheQueueForTheSameDeficit() {
        WaterfallFixture queue = crash(List.of(new AutoDeleveraging(new BitmexRanking(), AdlPrice.BANKRUPTCY, true)), "0", "120");
        WaterfallFixture minimal = crash(List.of(new MinimalHaircutDeleveraging()), "0", "120");
        // Queue: S1 and S2 lose their 10 lots (carrying $150 of profit) to cover $30.
        assertEquals(10, queue.adlLots());
        // Minimal: S3's lots carry the most profit ($25 a lot): ⌈30 / 25⌉ = 2 lots, and the $30 haircut.
        assertEquals(2, minimal.adlLots());
        assertEquals(s3, minimal.adl().get(0).toAccount());
        assertEquals(8_500, minimal.adl().get(0).price(), "offset at the margin price, haircut posted on top");
        assertEquals(-8, minimal.size(s3));
        assertEquals(-4, minimal.size(s1));
        // Winners lose the same $30 of value either way: S3 from $1,250 to $1,220.
        assertEquals(Amounts.micros(1_220), minimal.p.risk(s3).value());
        assertEquals(Amounts.micros(30), Amounts.micros(110 + 290) - queue.p.risk(s1).value() - queue.p.risk(s2).value());
        // B keeps 8 lots at zero value, back to the liquidation policy.
        assertEquals(8, minimal.size(b));
        assertEquals(0, minimal.p.risk(b).value());
        queue.assertConserved();
        minimal.assertConserved();
    }

    @Test
    void crossAccountChargesEachPositionItsShareOfTheDeficitByMaintenanceRequirement() {
        WaterfallFixture f = new WaterfallFixture(ProtocolConfig.builder(
                List.of(WaterfallFixture.market(0), WaterfallFixture.market(1)))
                .waterfall(List.of(new AutoDeleveraging(new BitmexRanking(), AdlPrice.BANKRUPTCY, false))).build());
        int cross = f.open("160");
        int shortX1 = f.open("1000");
        int longX0 = f.open("1000");
        f.price(0, "100");
        f.price(1, "100");
        f.trade(cross, shortX1, 1, "100", 10); // long 10 in X1
        f.trade(longX0, cross, 0, "100", 5); // short 5 in X0
        f.price(1, "80");
        f.price(0, "98");
        f.nextBlock(1);
        // Value 160 − 1,000 + 500 + 800 − 490 = −$30; maintenance 5% × 800 = $40 (X1) and 5% × 490 = $24.50 (X0).
        // X1 (uPnL −$200) goes first and carries 30 × 40 / 64.5 = $18.6047 of the deficit (dYdX: −TNC × |DMMR| /
        // TMMR): p_b = (800 + 18.6047) / 10 = $81.86 (down, against the account); that leaves −$11.40, all X0's:
        // p_b = (490 − 11.40) / 5 = $95.72. Before, X1 carried all $30 ($83) and X0 closed at the oracle, $98.
        List<ProtocolEvent.PositionTransfer> adl = f.adl();
        assertEquals(1, adl.get(0).market());
        assertEquals(shortX1, adl.get(0).toAccount());
        assertEquals(8_186, adl.get(0).price());
        assertEquals(0, adl.get(1).market());
        assertEquals(longX0, adl.get(1).toAccount(), "a loser, deleveraged as dYdX's code does with no profit filter");
        assertEquals(9_572, adl.get(1).price(), "X0's counterparty pays X0's share");
        assertEquals(0, f.balance(cross));
        assertFalse(f.p.accounts().hasPositions(cross));
        f.assertConserved();
    }
}
