package backstop.protocol.liquidation;

import backstop.protocol.ProtocolTestAccess;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** dYdX v4 per-block liquidation limits with the Fillable Price limit (MECHANISMS.md §1). */
class DydxBlockLimitsTest {

    @Test
    void perBlockSizeIsTenPercentCappedAt100kFlooredAt1000() {
        BookLiquidationBench b = new BookLiquidationBench(ThrottledLiquidation.dydxV4(), 0,
                BookLiquidationBench.market(0, 100_000, 50_000));
        int whale = b.open("200000");
        int large = b.open("50000");
        int medium = b.open("500");
        int small = b.open("90");
        b.position(whale, 0, 20_000, 10_000);
        b.position(large, 0, 5_000, 10_000);
        b.position(medium, 0, 50, 10_000);
        b.position(small, 0, 9, 10_000);
        DydxBlockLimits limits = DydxBlockLimits.mainnet();
        // $2M: 10% is $200k, above the $100k per-account cap: $100k / $100 = 1,000 lots.
        assertEquals(1_000, limits.allowance(ProtocolTestAccess.context(b.p), whale, 0));
        // $500k: 10% = $50k = 500 lots.
        assertEquals(500, limits.allowance(ProtocolTestAccess.context(b.p), large, 0));
        // $5,000: 10% = $500 is below the $1,000 floor: 10 lots.
        assertEquals(10, limits.allowance(ProtocolTestAccess.context(b.p), medium, 0));
        // $900: the floor is capped at the position, so all of it.
        assertEquals(9, limits.allowance(ProtocolTestAccess.context(b.p), small, 0));
        b.price(0, 9_999);
        // $499,950 at $99.99: 10% = $49,995 → ⌊49,995 / 99.99⌋ = 500 lots; $4,999.50: $1,000 → ⌊10.001⌋ = 10.
        assertEquals(500, limits.allowance(ProtocolTestAccess.context(b.p), large, 0));
        assertEquals(10, limits.allowance(ProtocolTestAccess.context(b.p), medium, 0));
    }

    @Test
    void onePositionPerAccountPerBlock() {
        BookLiquidationBench b = new BookLiquidationBench(ThrottledLiquidation.dydxV4(), 0,
                BookLiquidationBench.market(0, 100_000, 50_000), BookLiquidationBench.market(1, 100_000, 50_000));
        int trader = b.open("200");
        b.position(trader, 0, 10, 10_000);
        b.position(trader, 1, 10, 10_000);
        b.bid(0, 9_000, 10);
        b.bid(1, 9_000, 10);
        b.price(0, 9_000);
        b.price(1, 9_000);
        // V = 200 − 2 × 100 = 0 < R = $90: each $900 position goes whole (≤ $1,000), but one per block.
        b.nextBlock(1);
        assertEquals(0, b.size(trader, 0));
        assertEquals(10, b.size(trader, 1), "still liquidatable (V = 0 < R = $45) but already liquidated this block");
        b.nextBlock(1);
        assertEquals(0, b.size(trader, 1));
        List<ProtocolEvent.Liquidation> liqs = b.log.of(ProtocolEvent.Liquidation.class);
        assertEquals(2, liqs.size());
        assertEquals(0, liqs.get(0).market());
        assertEquals(1, liqs.get(1).market());
        assertEquals(liqs.get(0).block() + 1, liqs.get(1).block());
        b.assertInvariants();
    }

    /** Prices (ticks) of the ten blocks of the falling-market scenario. */
    private static final long[] PATH = {9_450, 9_350, 9_250, 9_150, 9_150, 9_150, 9_150, 9_150, 9_150, 9_150};

    /**
     * Long 100 lots at $100 on $1,000 (5% MMF); a thin book: 10 lots bid at the oracle each block, 90 more
     * deep at $86; the price slides from $94.50 to $91.50 and stays; the insurance fund starts with $1,000.
     */
    private static BookLiquidationBench slide(LiquidationPolicy policy, int[] trader) {
        BookLiquidationBench b = new BookLiquidationBench(policy, 1_000, BookLiquidationBench.market(0, 100_000, 50_000));
        trader[0] = b.open("1000");
        b.position(trader[0], 0, 100, 10_000);
        b.bid(0, 8_600, 90);
        for (long price : PATH) {
            b.price(0, price);
            b.bid(0, price, 10);
            b.nextBlock(1);
            b.assertInvariants();
        }
        return b;
    }

    @Test
    void throttledLiquidationOverSeveralBlocksSparesTheAccountAndTheFundThatAFullCloseWouldCost() {
        int[] t = new int[1];
        BookLiquidationBench throttled = slide(ThrottledLiquidation.dydxV4(), t);
        // Each block: position ≤ $10k, so 10% ≤ $1,000 and the $1,000 floor gives ⌊1,000 / P⌋ = 10 lots, filled at
        // the oracle (≥ FP), 1.5% penalty: $14.175, $14.025, $13.875, then 5 × $13.725 at $91.50, when
        // V = $99.30 ≥ R = 20 × 91.5 × 5% = $91.50 ends it.
        assertEquals(List.of(10L, 10L, 10L, 10L, 10L, 10L, 10L, 10L), throttled.closedSizes());
        assertEquals(20, throttled.size(t[0], 0));
        assertEquals(Amounts.micros("99.3"), throttled.value(t[0]));
        assertEquals(Amounts.micros("1110.7"), throttled.insurance());

        BookLiquidationBench full = slide(FullCloseLiquidation.standard(), t);
        // At $94.50 the full close takes 10 lots at the oracle and 90 at $86: V = 450 − 90 × 8.5 = −$315, no
        // penalty can be charged, and the fund pays the $315 deficit.
        assertEquals(0, full.size(t[0], 0));
        assertEquals(0, full.value(t[0]));
        assertEquals(Amounts.micros(685), full.insurance());
        assertEquals(Amounts.micros(315), full.log.of(ProtocolEvent.BadDebt.class).get(0).amount());
        assertEquals(0, throttled.log.of(ProtocolEvent.BadDebt.class).size());
    }
}
