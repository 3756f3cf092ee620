package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.breaker.PriceBandBreaker;
import backstop.protocol.breaker.PriceDropTrip;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.tx.Tx;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Governance adds a circuit breaker mid-run: it acts from then on, logged, with its parameters registered. */
class AddBreakerTest {

    @Test
    void aBreakerAddedMidRunActsFromThenOn() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int maker = f.open("1000000");
        int trader = f.open("10000");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 5_000), f.lots(0, 1))).ok());
        f.price(0, 9_000); // more than halved, but no breaker yet
        assertTrue(f.p.context().liquidationAllowed(0));
        f.price(0, 20_000);
        f.nextBlock(1);
        assertEquals(List.of(), f.p.breakers());

        long id = f.p.addBreaker(new PriceDropTrip(500_000, 3_600), "gui");
        ProtocolEvent.BreakerAdded added = f.log.of(ProtocolEvent.BreakerAdded.class).get(0);
        assertEquals(id, added.id());
        assertEquals("gui", added.by());
        assertEquals(f.p.block(), added.block());
        assertEquals(1, f.p.breakers().size());
        assertTrue(f.p.parameters().has("breaker.price_drop_trip.tolerance_ppm"), f.p.parameters().all().toString());

        f.price(0, 9_000); // below 0.5 × 20,000: now the added breaker trips
        assertFalse(f.p.context().liquidationAllowed(0));
        f.nextBlock(1);
        assertEquals(f.lots(0, 1), f.p.accounts().size(trader, 0), "no liquidation while tripped");
        assertEquals(List.of(true), f.log.of(ProtocolEvent.Halt.class).stream().map(ProtocolEvent.Halt::halted).toList());
        f.assertInvariants();
    }

    @Test
    void anAddedPriceBandMeasuresFromTheOraclePriceAtTheTimeItWasAdded() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        f.price(0, 20_000);
        f.nextBlock(1);
        f.price(0, 16_000); // −20% before the band exists: nothing happens
        f.nextBlock(1);
        PriceBandBreaker band = new PriceBandBreaker(new long[]{50_000}, 120, 100_000, 86_400);
        f.p.addBreaker(band, "governance");
        assertEquals(f.ticks(0, 16_000), band.reference(0), "the reference is the price when the band was added");
        f.price(0, 15_000); // −6.25% from 16,000: past the 5% soft limit
        assertTrue(f.p.market(0).halted());
        f.assertInvariants();
    }

    @Test
    void aSecondBreakerOfATypeTheProtocolHasIsRefusedAndNothingChanges() {
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build()))
                .breakers(List.of(new PriceDropTrip(500_000, 3_600))).build());
        int parameters = f.p.parameters().all().size();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.p.addBreaker(new PriceDropTrip(800_000, 600), "gui"));
        assertTrue(e.getMessage().contains("already defined"), e.getMessage());
        assertEquals(1, f.p.breakers().size());
        assertEquals(parameters, f.p.parameters().all().size());
        assertEquals(List.of(), f.log.of(ProtocolEvent.BreakerAdded.class));
    }
}
