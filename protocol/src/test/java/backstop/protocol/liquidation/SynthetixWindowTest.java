package backstop.protocol.liquidation;

import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Synthetix v3 chunked liquidation: per-market window capacity, flagged accounts finished later (MECHANISMS.md §4). */
class SynthetixWindowTest {

    @Test
    void capacityIsFeesTimesSkewScaleTimesMultiplierTimesWindow() {
        // The perps-market test "max liquidatable amount": maker 0.7% + taker 0.3%, skewScale 1,000 OP,
        // multiplier 1, 10 s window → (0.007 + 0.003) × 1,000 × 1 × 10 = 100 OP per window.
        assertEquals(100, SynthetixWindow.capacityLots(7_000, 3_000, 1_000, 1_000_000, 10));
        // SCCP-316 SOL: maker 2 bp (+ a 2 bp taker, for the example), skewScale 1,406,250, multiplier 1.5, 30 s:
        // 0.0004 × 1,406,250 × 1.5 × 30 = 25,312.5 → 25,312 lots (rounded down).
        assertEquals(25_312, SynthetixWindow.capacityLots(200, 200, 1_406_250, 1_500_000, 30));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SynthetixWindow(new long[] {-1}, 10, 0));
        assertEquals("capacityLots[0]: must be in [0, 9223372036854775807], got -1", e.getMessage());
    }

    private static ThrottledLiquidation synthetix(long capacity, long flagReward, boolean protocolTriggered) {
        return new ThrottledLiquidation(new SynthetixWindow(new long[] {capacity}, 10, flagReward),
                new SlippageLimit(150_000), PenaltySplit.NONE, protocolTriggered);
    }

    @Test
    void reproducesTheSynthetixMaxLiquidatableAmountSequence() {
        BookLiquidationBench b = new BookLiquidationBench(synthetix(100, Amounts.micros(5), false), 0,
                BookLiquidationBench.market(0, 100_000, 50_000));
        int keeper = b.open("1");
        int trader1 = b.open("200");
        int trader2 = b.open("200");
        b.price(0, 1_000);
        b.position(trader1, 0, 150, 1_000);
        b.position(trader2, 0, 150, 1_000);
        b.bid(0, 900, 300);
        b.price(0, 900); // each: V = 200 − 150 = $50 < R = 150 × 9 × 5% = $67.50
        b.nextBlock(100); // keeper-triggered: nothing yet; now t0 = 100
        SynthetixWindow window = (SynthetixWindow) ((ThrottledLiquidation) b.p.config().liquidation()).throttle();

        assertEquals(TxResult.OK, b.p.submit(new Tx.Liquidate(keeper, trader1)).result());
        assertEquals(50, b.size(trader1, 0), "liquidated only 100 of 150");
        assertTrue(window.isFlagged(trader1));
        // The keeper's flat flag reward, once; V = 50 − 5 = $45 ≥ R = $22.50, so a second call is refused, but
        // the account stays flagged and the protocol finishes it in a later window.
        assertEquals(Amounts.micros(6), b.p.ledger().balance(keeper));
        assertEquals(TxResult.NOT_LIQUIDATABLE, b.p.submit(new Tx.Liquidate(keeper, trader1)).result());
        b.nextBlock(6); // end of t0: window spent
        assertEquals(50, b.size(trader1, 0));
        b.nextBlock(5); // end of t0 + 6: the t0 entry is still inside (t0 > t0 + 6 − 10)
        assertEquals(50, b.size(trader1, 0));
        b.nextBlock(0); // end of t0 + 11: the t0 entry has left the window (t0 ≤ t0 + 11 − 10): the rest
        assertEquals(0, b.size(trader1, 0));
        assertFalse(window.isFlagged(trader1));

        assertEquals(TxResult.OK, b.p.submit(new Tx.Liquidate(keeper, trader2)).result());
        assertEquals(100, b.size(trader2, 0), "50 of the window's 100 were used at t0 + 11");
        b.nextBlock(12); // end of t0 + 11 (again): nothing left in the window
        assertEquals(100, b.size(trader2, 0));
        b.nextBlock(1); // end of t0 + 23: the window is empty again, the protocol closes the last 100
        assertEquals(0, b.size(trader2, 0));
        assertEquals(List.of(100L, 50L, 50L, 100L), b.closedSizes());
        assertEquals(Amounts.micros(11), b.p.ledger().balance(keeper));
        b.assertInvariants();
    }

    /**
     * Long 300 lots at $10 on $400 (10% / 5%); the fund starts with $1,000; the book holds 100 lots at $9 and
     * 200 deep at $8, and the maker bids 100 more at the oracle at t = 10 ($8.80) and t = 20 ($8.60); the
     * price slides 10 cents every 5 s.
     */
    private static BookLiquidationBench slide(LiquidationPolicy policy, int[] trader) {
        BookLiquidationBench b = new BookLiquidationBench(policy, 1_000, BookLiquidationBench.market(0, 100_000, 50_000));
        b.price(0, 1_000);
        trader[0] = b.open("400");
        b.position(trader[0], 0, 300, 1_000);
        b.bid(0, 800, 200);
        b.bid(0, 900, 100);
        long[][] blocks = {{900, 0}, {890, 0}, {880, 100}, {870, 0}, {860, 100}, {860, 0}};
        for (long[] block : blocks) {
            b.price(0, block[0]);
            if (block[1] > 0) {
                b.bid(0, block[0], block[1]);
            }
            b.nextBlock(5);
            b.assertInvariants();
        }
        return b;
    }

    @Test
    void chunksAcrossWindowsAsThePriceKeepsFallingAvoidTheBadDebtOfAFullClose() {
        int[] t = new int[1];
        BookLiquidationBench chunked = slide(synthetix(100, 0, true), t);
        // t = 0: flagged by the protocol, 100 at $9 (V $100 stays). t = 5: window spent. t = 10: the t = 0 entry
        // is out (0 ≤ 10 − 10): 100 at $8.80, V = 100 − 200 × 0.2 = $60. t = 15: spent. t = 20: the last 100 at
        // $8.60: V = 60 − 100 × 0.2 = $40, flat.
        assertEquals(List.of(100L, 100L, 100L), chunked.closedSizes());
        assertEquals(0, chunked.size(t[0], 0));
        assertEquals(Amounts.micros(40), chunked.value(t[0]));
        assertEquals(Amounts.micros(1_000), chunked.insurance());

        BookLiquidationBench full = slide(new FullCloseLiquidation(PenaltySplit.NONE, new SlippageLimit(150_000), true), t);
        // t = 0: 100 at $9 and 200 at $8: V = 100 − 200 × 1 = −$100, paid by the fund.
        assertEquals(0, full.value(t[0]));
        assertEquals(Amounts.micros(900), full.insurance());
        assertEquals(Amounts.micros(100), full.log.of(ProtocolEvent.BadDebt.class).get(0).amount());
    }

    @Test
    void flagRewardIsPaidOncePerFlaggedAccount() {
        BookLiquidationBench b = new BookLiquidationBench(synthetix(10, Amounts.micros(5), false), 0,
                BookLiquidationBench.market(0, 100_000, 50_000));
        int keeper = b.open("1");
        int trader = b.open("200");
        b.price(0, 1_000);
        b.position(trader, 0, 150, 1_000);
        b.bid(0, 860, 300);
        b.price(0, 860); // V = 200 − 150 × 1.4 = −$10: bankrupt, stays liquidatable however much is closed
        assertEquals(TxResult.OK, b.p.submit(new Tx.Liquidate(keeper, trader)).result());
        assertEquals(140, b.size(trader, 0), "10 lots per window");
        assertEquals(Amounts.micros(1), b.p.ledger().balance(keeper), "no reward from an account worth nothing");
        b.nextBlock(10); // end of t = 0: the window is spent
        assertEquals(140, b.size(trader, 0));
        b.nextBlock(1); // end of t = 10: the t = 0 entry has left the window
        assertEquals(130, b.size(trader, 0), "the protocol continued the flagged account in the next window");
        b.price(0, 990); // V = −10 + 130 × 1.3 = $159 ≥ R: healthy again, still flagged
        assertEquals(TxResult.NOT_LIQUIDATABLE, b.p.submit(new Tx.Liquidate(keeper, trader)).result());
        b.price(0, 870); // V = −10 + 130 × 0.1 = $3 < R = 130 × 8.7 × 5% = $56.55; worth $3, it could pay a reward
        // Already flagged and this window's capacity spent: the call is valid but changes nothing.
        assertEquals(TxResult.NO_EFFECT, b.p.submit(new Tx.Liquidate(keeper, trader)).result());
        assertEquals(130, b.size(trader, 0));
        assertEquals(Amounts.micros(1), b.p.ledger().balance(keeper), "flagged once: no second flag reward");
        b.assertInvariants();
    }
}
