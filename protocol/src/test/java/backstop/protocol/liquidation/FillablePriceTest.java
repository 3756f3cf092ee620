package backstop.protocol.liquidation;

import backstop.protocol.ProtocolTestAccess;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** dYdX v4's Fillable Price, MECHANISMS.md §1. */
class FillablePriceTest {
    // A $10,000 position: 1 lot at 10,000 ticks with 1,000,000 micros per lot-tick; MMF 5% → PMMR $500.
    private static final long NOTIONAL = Amounts.micros(10_000);
    private static final long PMMR = Amounts.micros(500);
    private static final long PER_TICK = 1_000_000;

    @Test
    void helpCentreExampleMaxSpreadIsOnePointFiveTimesTheMaintenanceMargin() {
        FillablePrice fp = FillablePrice.dydx();
        // No value left (Q = 0): ABR = 1, spread = 1.5 × 5% = 7.5% of the oracle price.
        assertEquals(9_250, fp.price(NOTIONAL, PMMR, PER_TICK, 0, PMMR, true));
        assertEquals(10_750, fp.price(NOTIONAL, PMMR, PER_TICK, 0, PMMR, false), "mirrored for a short");
        // ABR is clamped at 1: a bankrupt account gets no wider spread.
        assertEquals(9_250, fp.price(NOTIONAL, PMMR, PER_TICK, -PMMR, PMMR, true));
        // Help centre: if the account can afford only 2% worse than the oracle (bankruptcy at 9,800), a fill at
        // the 7.5% limit leaves the insurance fund the remaining 5.5%: (9,800 − 9,250) × $1 = $550 of $10,000.
        long bankruptcy = 9_800;
        assertEquals(Amounts.micros(550), (bankruptcy - fp.price(NOTIONAL, PMMR, PER_TICK, 0, PMMR, true)) * PER_TICK);
    }

    @Test
    void spreadShrinksWithTheShareOfMaintenanceMarginLeft() {
        FillablePrice fp = FillablePrice.dydx();
        // Q = V/TMMR = 0.4 → ABR 0.6 → spread 1.5 × 5% × 0.6 = 4.5%.
        assertEquals(9_550, fp.price(NOTIONAL, PMMR, PER_TICK, Amounts.micros(200), PMMR, true));
        // At or above maintenance margin there is no spread.
        assertEquals(10_000, fp.price(NOTIONAL, PMMR, PER_TICK, PMMR, PMMR, true));
        assertEquals(10_000, fp.price(NOTIONAL, PMMR, PER_TICK, 2 * PMMR, PMMR, false));
        // BA 2.0 doubles the adjustment: ABR = min(2 × 0.6, 1) = 1.
        assertEquals(9_250, new FillablePrice(1_500_000, 2_000_000).price(NOTIONAL, PMMR, PER_TICK, Amounts.micros(200), PMMR, true));
    }

    @Test
    void roundsTowardTheLiquidatedAccount() {
        FillablePrice fp = FillablePrice.dydx();
        // Cross account: TMMR $700, TNC $100 → ABR 6/7; spread = 6/7 × 1.5 × $500 = $642.857…
        // Long: 9,357.14… rounds up to 9,358; short: 10,642.86… rounds down to 10,642.
        assertEquals(9_358, fp.price(NOTIONAL, PMMR, PER_TICK, Amounts.micros(100), Amounts.micros(700), true));
        assertEquals(10_642, fp.price(NOTIONAL, PMMR, PER_TICK, Amounts.micros(100), Amounts.micros(700), false));
    }

    @Test
    void rejectsABankruptcyAdjustmentBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FillablePrice(1_500_000, 999_999));
        assertEquals("bankruptcyAdjustmentPpm: must be ≥ 1000000, got 999999", e.getMessage());
    }

    @Test
    void liquidationOrderFillsNoWorseThanTheFillablePrice() {
        BookLiquidationBench b = new BookLiquidationBench(ThrottledLiquidation.dydxV4(), 0,
                BookLiquidationBench.market(0, 100_000, 50_000));
        int trader = b.open("150");
        b.position(trader, 0, 10, 10_000);
        b.bid(0, 8_833, 5);
        b.bid(0, 8_832, 10);
        b.price(0, 8_900);
        // V = 150 − 10 × 11 = $40, TMMR = 10 × 89 × 5% = $44.50: ABR = 4.5/44.5, spread = ABR × 1.5 × $44.50
        // = $6.75 on $890, FP = 883.25/10 = $88.325 → 8,833 ticks (rounded up for a sell).
        assertEquals(8_833, FillablePrice.dydx().limit(ProtocolTestAccess.context(b.p), trader, 0));
        b.nextBlock(1);
        // $890 < $1,000: the whole position is offered, but only the 5 lots bid at 8,833 are within the limit.
        assertEquals(List.of(-10L), b.liquidationSizes());
        assertEquals(5, b.size(trader, 0));
        for (ProtocolEvent.Fill f : b.log.of(ProtocolEvent.Fill.class)) {
            if (f.liquidation()) {
                assertEquals(8_833, f.price());
            }
        }
        // Penalty 1.5% × 5 × $88.33 = $6.62475 to the insurance fund.
        assertEquals(6_624_750, b.insurance());
        b.assertInvariants();
    }
}
