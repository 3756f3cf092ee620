package backstop.protocol.liquidation;

import backstop.protocol.ProtocolTestAccess;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partial liquidation: target health (Aave v4, Drift), Aave v3.3 close factor, Perp v1 steps (MECHANISMS.md §5–§6). */
class PartialLiquidationTest {

    private static PartialLiquidation targetHealth() {
        return new PartialLiquidation(new TargetHealthRule(1_100_000), new SlippageLimit(10_000),
                PenaltySplit.toInsurance(15_000), true);
    }

    /** Long 1,000 lots at $100 on $10,000 (10% / 5% margin), oracle then $94: V = $4,000, R = $4,700. */
    private static int longAt94(BookLiquidationBench b) {
        int trader = b.open("10000");
        b.position(trader, 0, 1_000, 10_000);
        b.price(0, 9_400);
        return trader;
    }

    @Test
    void targetHealthClosesTheSmallestSizeThatRestoresTheTarget() {
        BookLiquidationBench b = new BookLiquidationBench(targetHealth(), 0, BookLiquidationBench.market(0, 100_000, 50_000));
        int trader = longAt94(b);
        b.bid(0, 9_306, 1_000); // exactly at the limit, 1% below the oracle: the worst fill the order accepts
        // g = 1.1 × 5% × 94 − (94 − 93.06) − 93.06 × 1.5% = 2.8341 per lot; need = 1.1 × 4,700 − 4,000 = 1,170;
        // x = ⌈1,170 / 2.8341⌉ = ⌈412.8…⌉ = 413. Check: 412 lots leave V = 4,000 − 387.28 − 575.1108 = 3,037.6092
        // < 1.1 × 588 × 4.7 = 3,039.96; 413 leave V = 4,000 − 388.22 − 576.5067 = 3,035.2733 ≥ 1.1 × 2,758.9 = 3,034.79.
        assertEquals(413, new TargetHealthRule(1_100_000).lotsToClose(ProtocolTestAccess.context(b.p), trader, 0, 9_306, 15_000));
        b.nextBlock(1);
        assertEquals(587, b.size(trader, 0));
        assertEquals(Amounts.micros("576.5067"), b.insurance());
        assertEquals(Amounts.micros("3035.2733"), b.value(trader));
        assertEquals(Amounts.micros("2758.9"), b.p.risk(trader).maintenanceRequirement());
        ProtocolEvent.Liquidation liq = b.log.of(ProtocolEvent.Liquidation.class).get(0);
        assertTrue(liq.partial());
        assertEquals("partial-target-health", liq.policy());
        b.nextBlock(1);
        assertEquals(1, b.log.of(ProtocolEvent.Liquidation.class).size(), "health 1.1002: nothing more to do");
        b.assertInvariants();
    }

    @Test
    void targetHealthReachedExactlyNeedsNoExtraLot() {
        BookLiquidationBench b = new BookLiquidationBench(targetHealth(), 0, BookLiquidationBench.market(0, 100_000, 50_000));
        int trader = b.open("10002.3508");
        b.position(trader, 0, 1_000, 10_000);
        b.price(0, 9_400);
        // V = $4,002.3508, so need = 5,170 − 4,002.3508 = 1,167.6492 = 412 × 2.8341 exactly: 412 lots leave
        // V = 4,002.3508 − 387.28 − 575.1108 = $3,039.96 = 1.1 × $2,763.60, health exactly 1.1.
        assertEquals(412, new TargetHealthRule(1_100_000).lotsToClose(ProtocolTestAccess.context(b.p), trader, 0, 9_306, 15_000));
    }

    @Test
    void targetHealthIsGovernedMidRun() {
        BookLiquidationBench b = new BookLiquidationBench(targetHealth(), 0, BookLiquidationBench.market(0, 100_000, 50_000));
        int trader = longAt94(b);
        b.p.parameters().set("liquidation.target_health_ppm", 1_200_000, "test", 0);
        b.bid(0, 9_306, 1_000);
        b.nextBlock(1);
        // g = 1.2 × 5% × 94 − 0.94 − 1.3959 = 3.3041; need = 1.2 × 4,700 − 4,000 = 1,640; ⌈496.4…⌉ = 497.
        assertEquals(503, b.size(trader, 0));
        b.assertInvariants();
    }

    @Test
    void targetHealthClosesEverythingWhenNoPartialCloseCanRaiseHealth() {
        BookLiquidationBench b = new BookLiquidationBench(targetHealth(), 0, BookLiquidationBench.market(0, 100_000, 50_000));
        int trader = longAt94(b);
        ProtocolContext ctx = ProtocolTestAccess.context(b.p);
        TargetHealthRule rule = new TargetHealthRule(1_100_000);
        // A limit 10% away: g = 5.17 − 9.4 − 84.6 × 1.5% < 0, each lot closed costs more than it frees.
        assertEquals(1_000, rule.lotsToClose(ctx, trader, 0, 8_460, 15_000));
        b.price(0, 10_000);
        assertEquals(0, rule.lotsToClose(ctx, trader, 0, 9_900, 15_000), "health 2.0 is above the target");
    }

    /** Long {@code lots} at $97 on exactly 10% initial margin, in a 10% / 9.5% market. */
    private static int longAt97(BookLiquidationBench b, long lots, String deposit) {
        int trader = b.open(deposit);
        b.position(trader, 0, lots, 9_700);
        return trader;
    }

    @Test
    void aaveClosesHalfAboveHealth095AndTheWholeBelowIt() {
        BookLiquidationBench b = new BookLiquidationBench(new PartialLiquidation(CloseFactorRule.aaveV33(),
                new SlippageLimit(50_000), PenaltySplit.NONE, true), 0, BookLiquidationBench.market(0, 100_000, 95_000));
        int half = longAt97(b, 22, "213.4");
        int exact = longAt97(b, 22, "232.6225");
        CloseFactorRule rule = CloseFactorRule.aaveV33();
        ProtocolContext ctx = ProtocolTestAccess.context(b.p);
        b.price(0, 9_500);
        // exact: V = 232.6225 − 22 × 2 = 188.6225 = 0.95 × (22 × 95 × 9.5% = 198.55): HF = 0.95 exactly, and
        // the 50% branch needs HF > 0.95, so everything goes.
        assertEquals(22, rule.lotsToClose(ctx, exact, 0, 1, 0));
        b.price(0, 9_501);
        // V = 188.8425 > 0.95 × 198.570900 = 188.642355: half, 11 lots; 11 × $95.01 = $1,045.11 stays ≥ $1,000.
        assertEquals(11, rule.lotsToClose(ctx, exact, 0, 1, 0));
        b.price(0, 9_600);
        // half: V = 213.4 − 22 = 191.4, R = 22 × 96 × 9.5% = 200.64, 0.95 R = 190.608 < V < R.
        assertTrue(b.p.risk(half).liquidatable());
        b.bid(0, 9_600, 11);
        b.nextBlock(1);
        assertEquals(11, b.size(half, 0));
        assertEquals(Amounts.micros("191.4"), b.value(half));
        assertFalse(b.p.risk(half).liquidatable(), "R = 11 × 96 × 9.5% = 100.32");
        b.assertInvariants();
    }

    @Test
    void aaveClosesSmallPositionsAndDustRemaindersWhole() {
        BookLiquidationBench b = new BookLiquidationBench(new PartialLiquidation(CloseFactorRule.aaveV33(),
                new SlippageLimit(50_000), PenaltySplit.NONE, true), 0, BookLiquidationBench.market(0, 100_000, 95_000));
        int dust = longAt97(b, 21, "203.7");
        int small = longAt97(b, 20, "194");
        b.price(0, 9_600);
        CloseFactorRule rule = CloseFactorRule.aaveV33();
        ProtocolContext ctx = ProtocolTestAccess.context(b.p);
        // dust: $2,016 ≥ $2,000 and HF = 182.7 / 191.52 = 0.954 > 0.95, so 50% → ⌈10.5⌉ = 11 lots; but the
        // remaining 10 × $96 = $960 < $1,000 (MIN_LEFTOVER_BASE), so all 21 go.
        assertTrue(b.p.risk(dust).value() > Amounts.micros("181.944"));
        assertEquals(21, rule.lotsToClose(ctx, dust, 0, 1, 0));
        // small: HF = 174 / 182.4 = 0.954 > 0.95, but $1,920 < $2,000: all 20 go.
        assertTrue(b.p.risk(small).liquidatable());
        assertEquals(20, rule.lotsToClose(ctx, small, 0, 1, 0));
    }

    private static PartialLiquidation perpV1(boolean protocolTriggered) {
        return new PartialLiquidation(MarginRatioStepRule.perpV1(), new SlippageLimit(50_000),
                new PenaltySplit(25_000, protocolTriggered ? 0 : 500_000), protocolTriggered);
    }

    @Test
    void perpV1Closes25PercentStepsWhileTheMarginRatioIsAbove2Point5Percent() {
        BookLiquidationBench b = new BookLiquidationBench(perpV1(true), 0, BookLiquidationBench.market(0, 100_000, 62_500));
        int trader = b.open("1000");
        b.position(trader, 0, 100, 10_000);
        b.bid(0, 9_400, 58);
        b.price(0, 9_400);
        // V = $400, ratio 400 / 9,400 = 4.26% > 2.5%, R = 100 × 94 × 6.25% = $587.50.
        b.nextBlock(1); // 25 lots; penalty 2.5% × $2,350 = $58.75; V = $341.25 < R = $440.625
        b.nextBlock(1); // ratio 4.84%: ⌈75/4⌉ = 19; penalty $44.65; V = $296.60 < R = $329
        b.nextBlock(1); // ratio 5.63%: ⌈56/4⌉ = 14; penalty $32.90; V = $263.70 ≥ R = $246.75
        assertEquals(42, b.size(trader, 0));
        b.bid(0, 9_300, 11);
        b.price(0, 9_300);
        b.nextBlock(1); // V = $221.70 < R = $244.125; ratio 5.68%: ⌈42/4⌉ = 11; penalty $25.575
        b.nextBlock(1); // V = $196.125 ≥ R = $180.1875: done
        assertEquals(List.of(25L, 19L, 14L, 11L), b.closedSizes());
        assertEquals(31, b.size(trader, 0));
        assertEquals(Amounts.micros("196.125"), b.value(trader));
        assertEquals(Amounts.micros("161.875"), b.insurance());
        b.assertInvariants();
    }

    @Test
    void perpV1ClosesEverythingAtOrBelow2Point5Percent() {
        BookLiquidationBench b = new BookLiquidationBench(perpV1(true), 0, BookLiquidationBench.market(0, 100_000, 62_500));
        int trader = b.open("1030");
        b.position(trader, 0, 100, 10_000);
        MarginRatioStepRule rule = MarginRatioStepRule.perpV1();
        b.price(0, 9_200);
        // V = 1,030 − 800 = $230 = 2.5% × $9,200 exactly: not above, so the whole position.
        assertEquals(100, rule.lotsToClose(ProtocolTestAccess.context(b.p), trader, 0, 1, 0));
        b.price(0, 9_201);
        // V = $231 > 2.5% × $9,201 = $230.025: a 25% step.
        assertEquals(25, rule.lotsToClose(ProtocolTestAccess.context(b.p), trader, 0, 1, 0));
    }

    @Test
    void keeperTriggeredStepWaitsForAKeeperWhoEarnsHisShare() {
        BookLiquidationBench b = new BookLiquidationBench(perpV1(false), 0, BookLiquidationBench.market(0, 100_000, 62_500));
        int keeper = b.open("1");
        int trader = b.open("1000");
        b.position(trader, 0, 100, 10_000);
        b.bid(0, 9_400, 100);
        b.price(0, 9_400);
        b.nextBlock(1);
        assertEquals(100, b.size(trader, 0), "the protocol does not act by itself");
        assertEquals(TxResult.OK, b.p.submit(new Tx.Liquidate(keeper, trader)).result());
        assertEquals(75, b.size(trader, 0));
        // Penalty $58.75: half to the keeper (floor), the rest to the insurance fund.
        assertEquals(Amounts.micros("30.375"), b.p.ledger().balance(keeper));
        assertEquals(Amounts.micros("29.375"), b.insurance());
        b.assertInvariants();
    }

    @Test
    void smallPositionRuleStandsOnItsOwnUnderASmallerCloseFactor() {
        BookLiquidationBench b = new BookLiquidationBench(FullCloseLiquidation.standard(), 0,
                BookLiquidationBench.market(0, 100_000, 95_000));
        int small = longAt97(b, 20, "194");
        int large = longAt97(b, 22, "213.4");
        b.price(0, 9_600);
        CloseFactorRule quarter = new CloseFactorRule(250_000, 950_000, Amounts.micros(2_000), Amounts.micros(1_000));
        // $1,920 < $2,000: whole, although 25% (5 lots) would leave $1,440, no dust.
        assertEquals(20, quarter.lotsToClose(ProtocolTestAccess.context(b.p), small, 0, 1, 0));
        // $2,112: ⌈22 / 4⌉ = 6 lots, leaving 16 × $96 = $1,536.
        assertEquals(6, quarter.lotsToClose(ProtocolTestAccess.context(b.p), large, 0, 1, 0));
    }

    @Test
    void largestPositionFirstAndNothingMoreOnceTheRuleIsSatisfied() {
        BookLiquidationBench b = new BookLiquidationBench(new PartialLiquidation(CloseFactorRule.aaveV33(),
                new SlippageLimit(50_000), PenaltySplit.NONE, true), 0, BookLiquidationBench.market(0, 100_000, 95_000),
                BookLiquidationBench.market(1, 100_000, 95_000));
        int trader = b.open("504.4");
        b.position(trader, 0, 22, 9_700);
        b.position(trader, 1, 30, 9_700);
        b.bid(0, 9_600, 22);
        b.bid(1, 9_600, 30);
        b.price(0, 9_600);
        b.price(1, 9_600);
        // V = 504.4 − 52 = $452.40, R = 52 × 96 × 9.5% = $474.24, HF 0.954: 50% of the larger position (market 1,
        // $2,880): 15 lots. Then R = 37 × $9.12 = $337.44 ≤ V: market 0 is left alone.
        b.nextBlock(1);
        assertEquals(15, b.size(trader, 1));
        assertEquals(22, b.size(trader, 0));
        assertEquals(List.of(-15L), b.liquidationSizes());
        b.assertInvariants();
    }
}
