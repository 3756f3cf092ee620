package backstop.protocol.liquidation;

import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Hyperliquid's whole liquidation path (MECHANISMS.md §2): book orders in 20% chunks above $100k with the 30 s
 * cooldown, then the vault takeover below ⅔ of maintenance margin. A trader long 2,000 lots at $100 on
 * $20,000, 10% / 5% margin: at price P, V = 2,000·P − 180,000 and R = 100·P.
 */
class HyperliquidTakeoverChunksTest {
    private static final long VAULT = 1_000_000;

    private static BookLiquidationBench bench(BackstopVaultTakeover policy, int[] trader) {
        BookLiquidationBench b = new BookLiquidationBench(policy, 0, VAULT, BookLiquidationBench.market(0, 100_000, 50_000));
        trader[0] = b.open("20000");
        b.position(trader[0], 0, 2_000, 10_000);
        return b;
    }

    private static List<String> policies(BookLiquidationBench b) {
        return b.log.of(ProtocolEvent.Liquidation.class).stream().map(ProtocolEvent.Liquidation::policy).toList();
    }

    @Test
    void theHyperliquidPolicyChunksItsBookOrders() {
        assertNotNull(BackstopVaultTakeover.hyperliquid().bookThrottle());
        assertNull(new BackstopVaultTakeover(2, 3, 100_000, PenaltySplit.NONE, 10_000, Long.MAX_VALUE, true).bookThrottle());
    }

    @Test
    void aThrottleThatContinuesAcrossBlocksIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BackstopVaultTakeover(2, 3, 100_000, PenaltySplit.NONE, 10_000, Long.MAX_VALUE,
                        new SynthetixWindow(new long[]{100}, 60, 0), true));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("the synthetix throttle continues liquidations"),
                e.getMessage());
    }

    @Test
    void aChunkThatLiftsTheAccountAboveTwoThirdsAvoidsTheTakeoverThenTheCooldownClosesTheRest() {
        int[] t = new int[1];
        BookLiquidationBench b = bench(BackstopVaultTakeover.hyperliquid(), t);
        int vault = b.p.vaultAccount();
        // $92.80: V = $5,600 < ⅔ × R = ⅔ × $9,280 = $6,186.67, notional $185,600 > $100k: a 400-lot chunk.
        b.price(0, 9_280);
        b.bid(0, 9_280, 400);
        b.nextBlock(10);
        // Sold at the oracle, V stays $5,600 while R falls to 1,600 × $4.64 = $7,424: ⅔ R = $4,949.33 ≤ V.
        assertEquals(List.of(-400L), b.liquidationSizes());
        assertEquals(1_600, b.size(t[0], 0));
        assertEquals(Amounts.micros(5_600), b.value(t[0]));
        assertFalse(b.p.accounts().hasPositions(vault), "no takeover");
        // 10 s later, inside the 30 s cooldown, still below maintenance: the whole 1,600 go to the book at $90.
        b.bid(0, 9_000, 1_600);
        b.nextBlock(10);
        assertEquals(List.of(-400L, -1_600L), b.liquidationSizes());
        assertEquals(List.of(BackstopVaultTakeover.BOOK, BackstopVaultTakeover.BOOK), policies(b));
        assertEquals(0, b.size(t[0], 0));
        assertEquals(Amounts.micros(1_120), b.value(t[0]), "5,600 − 1,600 × 2.8");
        assertFalse(b.p.accounts().hasPositions(vault));
        b.assertInvariants();
    }

    @Test
    void withoutChunksTheSameBookTakesTheWholePositionAtOnce() {
        int[] t = new int[1];
        BookLiquidationBench b = bench(new BackstopVaultTakeover(2, 3, 100_000, PenaltySplit.NONE, 10_000,
                Long.MAX_VALUE, true), t);
        b.price(0, 9_280);
        b.bid(0, 9_280, 400);
        b.bid(0, 9_000, 1_600);
        b.nextBlock(10);
        // 400 at $92.80 and 1,600 at $90 in one order: V = 5,600 − 1,600 × 2.8 = $1,120 at once.
        assertEquals(List.of(-2_000L), b.liquidationSizes());
        assertEquals(Amounts.micros(1_120), b.value(t[0]));
        b.assertInvariants();
    }

    @Test
    void aChunkThatLeavesTheAccountBelowTwoThirdsIsFollowedByTheTakeover() {
        int[] t = new int[1];
        BookLiquidationBench b = bench(BackstopVaultTakeover.hyperliquid(), t);
        int vault = b.p.vaultAccount();
        long vaultBefore = b.p.ledger().balance(vault);
        // $92: V = $4,000, R = $9,200. After the 400-lot chunk at $92: R = $7,360, ⅔ R = $4,906.67 > V.
        b.price(0, 9_200);
        b.bid(0, 9_200, 400);
        b.nextBlock(10);
        assertEquals(List.of(-400L, -1_600L), b.liquidationSizes());
        assertEquals(List.of(BackstopVaultTakeover.BOOK, BackstopVaultTakeover.TAKEOVER), policies(b));
        assertEquals(0, b.size(t[0], 0));
        assertEquals(0, b.value(t[0]), "the maintenance margin is not returned");
        assertEquals(1_600, b.size(vault, 0));
        // The vault paid 1,600 × $92 = $147,200 for the position and received the trader's $4,000.
        assertEquals(vaultBefore - Amounts.micros(147_200) + Amounts.micros(4_000), b.p.ledger().balance(vault));
        b.assertInvariants();
    }
}
