package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.breaker.PriceDropTrip;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.tx.Tx;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Maker ClipperMom (MECHANISMS §6): a price below 0.5 × the previous one stops liquidations until reset. */
class PriceDropTripTest {

    @Test
    void dropBelowHalfThePreviousPriceStopsLiquidationsUntilTheReset() {
        PriceDropTrip trip = new PriceDropTrip(500_000, 3_600);
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build())).breakers(List.of(trip)).build());
        int maker = f.open("1000000");
        int trader = f.open("10000");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 10_000), f.lots(0, 1))).ok());
        f.price(0, 10_000); // exactly half: not below the tolerance
        assertTrue(f.p.context().liquidationAllowed(0));
        f.price(0, 20_000);
        f.price(0, 9_999.9); // below 0.5 × 20,000: tripped; value 10,000 − 10,000.1 < 0 < MMR
        assertFalse(f.p.context().liquidationAllowed(0));
        assertFalse(f.p.market(0).halted(), "trading goes on");
        f.nextBlock(3_599);
        assertEquals(f.lots(0, 1), f.p.accounts().size(trader, 0), "no liquidation while tripped");
        f.nextBlock(1); // t = 3,600: reset
        assertTrue(f.p.context().liquidationAllowed(0));
        f.nextBlock(1);
        assertEquals(0, f.p.accounts().size(trader, 0));
        assertEquals(List.of(true, false), f.log.of(ProtocolEvent.Halt.class).stream().map(ProtocolEvent.Halt::halted).toList());
        f.assertInvariants();
    }
}
