package backstop.protocol.liquidation;

import backstop.protocol.ProtocolTestAccess;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hyperliquid's 20% chunks above $100k and the 30 s cooldown (MECHANISMS.md §2). */
class HyperliquidChunksTest {

    private static ThrottledLiquidation hyperliquid() {
        return ThrottledLiquidation.hyperliquid(100_000);
    }

    /** Long 2,000 lots at $100 on $20,000 (10% / 5%); at $94.70: V = $9,400 < R = $9,470, notional $189,400. */
    private static int largeLong(BookLiquidationBench b) {
        int trader = b.open("20000");
        b.position(trader, 0, 2_000, 10_000);
        return trader;
    }

    @Test
    void positionsAbove100kGo20PercentAtATimeSmallerOnesWhole() {
        BookLiquidationBench b = new BookLiquidationBench(hyperliquid(), 0, BookLiquidationBench.market(0, 100_000, 50_000));
        int large = largeLong(b);
        int small = b.open("10000");
        b.position(small, 0, 1_000, 10_000);
        b.price(0, 9_470);
        HyperliquidChunks chunks = HyperliquidChunks.mainnet();
        assertEquals(400, chunks.allowance(ProtocolTestAccess.context(b.p), large, 0), "20% of 2,000 lots worth $189,400");
        assertEquals(1_000, chunks.allowance(ProtocolTestAccess.context(b.p), small, 0), "$94,700 ≤ $100k: the whole position");
        b.price(0, 10_000);
        assertEquals(1_000, chunks.allowance(ProtocolTestAccess.context(b.p), small, 0), "exactly $100k is not above $100k");
        b.price(0, 10_001);
        assertEquals(200, chunks.allowance(ProtocolTestAccess.context(b.p), small, 0), "$100,010");
        b.price(0, 9_470);
        b.bid(0, 9_470, 1_400);
        b.nextBlock(10);
        assertEquals(1_600, b.size(large, 0));
        assertEquals(0, b.size(small, 0));
        // No fee on book liquidations: the trader keeps everything, the fund gets nothing.
        assertEquals(Amounts.micros(9_400), b.value(large));
        assertEquals(0, b.insurance());
        b.assertInvariants();
    }

    /** A 400-lot chunk at t = 0, then the account breaches again at $93.40 {@code seconds} later. */
    private static BookLiquidationBench breachAgainAfter(long seconds, int[] trader) {
        BookLiquidationBench b = new BookLiquidationBench(hyperliquid(), 0, BookLiquidationBench.market(0, 100_000, 50_000));
        trader[0] = largeLong(b);
        b.price(0, 9_470);
        b.bid(0, 9_470, 400);
        b.nextBlock(seconds);
        assertEquals(1_600, b.size(trader[0], 0));
        b.price(0, 9_340); // V = 9,400 − 1,600 × 1.3 = $7,320 < R = 1,600 × 93.4 × 5% = $7,472; $149,440 > $100k
        b.bid(0, 9_340, 2_000);
        return b;
    }

    @Test
    void withinTheCooldownTheWholePositionGoesAfterItAChunkAgain() {
        int[] t = new int[1];
        BookLiquidationBench within = breachAgainAfter(29, t);
        HyperliquidChunks chunks = (HyperliquidChunks) ((ThrottledLiquidation) within.p.config().liquidation()).throttle();
        assertTrue(chunks.inCooldown(ProtocolTestAccess.context(within.p), t[0]));
        within.nextBlock(1);
        assertEquals(0, within.size(t[0], 0));
        assertEquals(List.of(-400L, -1_600L), within.liquidationSizes());

        BookLiquidationBench after = breachAgainAfter(30, t);
        chunks = (HyperliquidChunks) ((ThrottledLiquidation) after.p.config().liquidation()).throttle();
        assertFalse(chunks.inCooldown(ProtocolTestAccess.context(after.p), t[0]));
        after.nextBlock(1);
        assertEquals(1_280, after.size(t[0], 0), "⌈20% × 1,600⌉ = 320 lots");
        assertEquals(List.of(-400L, -320L), after.liquidationSizes());
        after.assertInvariants();
    }

    /**
     * The book holds 1,600 lots deep at $90; the maker bids the oracle each block (400 at $94.70, then 300 at
     * $93.40); blocks 10 s apart; the price goes $94.70, $94.00, $93.40.
     */
    private static BookLiquidationBench slide(LiquidationPolicy policy, int[] trader) {
        BookLiquidationBench b = new BookLiquidationBench(policy, 0, BookLiquidationBench.market(0, 100_000, 50_000));
        trader[0] = largeLong(b);
        b.bid(0, 9_000, 1_600);
        long[][] blocks = {{9_470, 400}, {9_400, 0}, {9_340, 300}};
        for (long[] block : blocks) {
            b.price(0, block[0]);
            if (block[1] > 0) {
                b.bid(0, block[0], block[1]);
            }
            b.nextBlock(10);
            b.assertInvariants();
        }
        return b;
    }

    @Test
    void chunkThenCooldownCloseLeavesTheTraderMoreThanAFullCloseIntoTheThinBook() {
        int[] t = new int[1];
        BookLiquidationBench chunked = slide(hyperliquid(), t);
        // t = 0: 400 lots at $94.70, V stays $9,400. t = 10: V = $8,280 ≥ R = $7,520. t = 20, inside the cooldown:
        // V = $7,320 < R = $7,472, so all 1,600 go: 300 at $93.40 and 1,300 at $90: V = 7,320 − 1,300 × 3.4 = $2,900.
        assertEquals(List.of(-400L, -1_600L), chunked.liquidationSizes());
        assertEquals(0, chunked.size(t[0], 0));
        assertEquals(Amounts.micros(2_900), chunked.value(t[0]));

        BookLiquidationBench full = slide(new FullCloseLiquidation(PenaltySplit.NONE, new SlippageLimit(100_000), true), t);
        // t = 0: 400 at $94.70 and 1,600 at $90: V = 9,400 − 1,600 × 4.7 = $1,880.
        assertEquals(Amounts.micros(1_880), full.value(t[0]));
        assertEquals(0, chunked.insurance());
        assertEquals(0, full.insurance());
    }

    @Test
    void theCooldownStartsAfterTheBlockOfThePartialLiquidation() {
        BookLiquidationBench b = new BookLiquidationBench(hyperliquid(), 0, BookLiquidationBench.market(0, 100_000, 50_000),
                BookLiquidationBench.market(1, 100_000, 50_000));
        int trader = b.open("40000");
        b.position(trader, 0, 2_000, 10_000);
        b.position(trader, 1, 2_000, 10_000);
        b.bid(0, 9_400, 2_000);
        b.bid(1, 9_400, 2_000);
        b.price(0, 9_400);
        b.price(1, 9_400);
        // V = 40,000 − 4,000 × 6 = $16,000 < R = $18,800. After 400 lots of market 0: R = 3,600 × 4.7 = $16,920,
        // still above V, so market 1 is liquidated in the same block — in 20% too, the cooldown not yet running.
        b.nextBlock(1);
        assertEquals(List.of(-400L, -400L), b.liquidationSizes());
        b.assertInvariants();
    }
}
