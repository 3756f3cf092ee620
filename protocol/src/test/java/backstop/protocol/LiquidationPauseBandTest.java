package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.breaker.LiquidationPauseBand;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drift's guard rail (MECHANISMS §5): no liquidations while the oracle is 50% or more from its 5-minute TWAP. */
class LiquidationPauseBandTest {

    private static Fixture drift() {
        return new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build()))
                .breakers(List.of(LiquidationPauseBand.drift())).build());
    }

    private static LiquidationPauseBand band(Fixture f) {
        return (LiquidationPauseBand) f.p.config().breakers().get(0);
    }

    @Test
    void crashBeyondHalfTheTwapBlocksLiquidationsUntilTheTwapCatchesUp() {
        Fixture f = drift();
        int maker = f.open("1000000");
        int trader = f.open("11200");
        f.price(0, 20_000); // t = 0: TWAP seeded at 200,000 ticks
        f.trade(trader, maker, 0, 20_000, 1);
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 8_950), f.lots(0, 1))).ok());
        f.nextBlock(60);
        // t = 60: p = 90,000 clamped to 200,000 − 66,666 = 133,334; TWAP = (200,000·240 + 133,334·60)/300 = 186,666
        f.price(0, 9_000);
        assertEquals(186_666, band(f).twap(0));
        // |90,000 − 186,666| = 96,666 ≥ ⌈50% × 186,666⌉ = 93,333: blocked. Value 200 < MMR 450: liquidatable.
        assertFalse(f.p.context().liquidationAllowed(0));
        assertTrue(f.p.risk(trader).liquidatable());
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 8_000), 1)).ok(), "trading goes on");
        f.nextBlock(60);
        assertEquals(f.lots(0, 1), f.p.accounts().size(trader, 0), "liquidation blocked");
        // t = 120: clamp to 186,666 − 62,222 = 124,444; TWAP = (186,666·240 + 124,444·60)/300 = 174,221;
        // |90,000 − 174,221| = 84,221 < ⌈87,110.5⌉ = 87,111: liquidations resume
        f.price(0, 9_000);
        assertEquals(174_221, band(f).twap(0));
        assertTrue(f.p.context().liquidationAllowed(0));
        f.nextBlock(1);
        assertEquals(0, f.p.accounts().size(trader, 0));
        // Sold at 8,950: value 11,200 − 20,000 + 8,950 = 150; penalty 1.5% × 8,950 = 134.25
        assertEquals(Amounts.micros("134.25"), f.p.ledger().balance(f.p.insuranceFundPot(0)));
        assertEquals(Amounts.micros("15.75"), f.balance(trader));

        List<ProtocolEvent.Halt> pauses = f.log.of(ProtocolEvent.Halt.class);
        assertEquals(List.of(true, false), pauses.stream().map(ProtocolEvent.Halt::halted).toList());
        assertEquals("liquidation-pause-band", pauses.get(0).breaker());
        f.assertInvariants();
    }

    @Test
    void bandIsInclusiveAndAnUpdateInTheSameSecondWeighsOneSecond() {
        Fixture f = drift();
        f.p.setOraclePrice(0, 200_000, 0);
        // Δ = max(1, 0) = 1: TWAP = (200,000·299 + 133,334·1)/300 = 199,777; ⌈50% × 199,777⌉ = 99,889
        f.p.setOraclePrice(0, 99_889, 0); // |99,889 − 199,777| = 99,888: below the band
        assertEquals(199_777, band(f).twap(0));
        assertTrue(f.p.context().liquidationAllowed(0));
        Fixture g = drift();
        g.p.setOraclePrice(0, 200_000, 0);
        g.p.setOraclePrice(0, 99_888, 0); // 99,889: on the band, blocked
        assertEquals(199_777, band(g).twap(0));
        assertFalse(g.p.context().liquidationAllowed(0));
        assertEquals(0, f.p.ledger().total());
        assertEquals(0, g.p.ledger().total());
    }
}
