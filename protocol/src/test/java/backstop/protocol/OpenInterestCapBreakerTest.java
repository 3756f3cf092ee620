package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.breaker.OpenInterestCapBreaker;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 10% range within an hour freezes open interest at its level; the cap comes back when the range calms. */
class OpenInterestCapBreakerTest {

    @Test
    void stressFreezesOpenInterestWhileReducingTradesGoOnAndTheCapReturnsAfterTheLookback() {
        OpenInterestCapBreaker breaker = OpenInterestCapBreaker.freezeOnTenPercentHourlyRange();
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build())).breakers(List.of(breaker)).build());
        int maker = f.open("1000000");
        int a = f.open("100000");
        int b = f.open("100000");
        f.price(0, 20_000); // t = 0
        f.trade(a, maker, 0, 20_000, 1);
        f.nextBlock(60);
        f.price(0, 18_000); // t = 60: range 20,000 ticks ≥ ⌈10% × 180,000⌉ = 18,000
        f.nextBlock(1);
        assertTrue(breaker.tripped(0));
        // cap = 100% of 1 BTC at 18,000
        assertEquals(Amounts.micros(18_000), f.p.market(0).openInterestCap());
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.SELL, f.ticks(0, 18_100), f.lots(0, 0.5))).ok());
        TxReceipt adding = f.p.submit(Tx.PlaceOrder.ioc(b, 0, Side.BUY, f.ticks(0, 18_100), f.lots(0, 0.5)));
        assertEquals(0, adding.filled(), "a new long would lift open interest to 1.5 BTC = $27,000 > $18,000");
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 17_900), f.lots(0, 0.5))).ok());
        TxReceipt reducing = f.p.submit(Tx.PlaceOrder.ioc(a, 0, Side.SELL, f.ticks(0, 17_900), f.lots(0, 0.5)));
        assertEquals(f.lots(0, 0.5), reducing.filled(), "closing trades are never capped");
        f.nextBlock(3_598); // the block at t = 61 ends; t = 3,659: the 20,000 that held at t = 59 is still in the window
        f.nextBlock(1);
        assertTrue(breaker.tripped(0));
        f.nextBlock(1); // the block at t = 3,660 ends: only 18,000 in [60, 3,660]
        assertFalse(breaker.tripped(0));
        assertEquals(0, f.p.market(0).openInterestCap(), "no cap, as before");
        assertEquals(f.lots(0, 0.5), f.p.submit(Tx.PlaceOrder.ioc(b, 0, Side.BUY, f.ticks(0, 18_100), f.lots(0, 0.5))).filled());

        List<ProtocolEvent.Halt> events = f.log.of(ProtocolEvent.Halt.class);
        assertEquals(List.of(true, false), events.stream().map(ProtocolEvent.Halt::halted).toList());
        assertEquals(2, events.get(0).block());
        assertEquals(f.p.block() - 1, events.get(1).block());
        f.assertInvariants();
    }

    @Test
    void stressedCapNeverLoosensACapAlreadyInForce() {
        OpenInterestCapBreaker breaker = new OpenInterestCapBreaker(100_000, 3_600, 2_000_000);
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).openInterestCap(Amounts.micros(25_000)).build()))
                .breakers(List.of(breaker)).build());
        int maker = f.open("1000000");
        int a = f.open("100000");
        f.price(0, 20_000);
        f.trade(a, maker, 0, 20_000, 1);
        f.price(0, 18_000);
        f.nextBlock(1);
        // 200% of $18,000 = $36,000 would loosen the $25,000 cap: it stays
        assertEquals(Amounts.micros(25_000), f.p.market(0).openInterestCap());
        assertTrue(breaker.tripped(0));
        assertEquals(0, f.p.ledger().total());
    }
}
