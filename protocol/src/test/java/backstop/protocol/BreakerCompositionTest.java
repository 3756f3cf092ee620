package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.breaker.CircuitBreaker;
import backstop.protocol.breaker.OracleGuard;
import backstop.protocol.breaker.PriceBandBreaker;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two breakers holding one market: the market stays halted until the last of them releases it. */
class BreakerCompositionTest {

    private static void haltHeldByTwoBreakersLastsUntilBothRelease(boolean guardFirst) {
        OracleGuard guard = new OracleGuard(200_000, 20_000, 100_000, 0, new long[] {60}, 3_600);
        PriceBandBreaker band = new PriceBandBreaker(new long[] {70_000}, 120, 200_000, 86_400);
        List<CircuitBreaker> breakers = new ArrayList<>(List.of(guard, band));
        if (!guardFirst) {
            java.util.Collections.reverse(breakers);
        }
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build())).breakers(breakers).build());
        int a = f.open("100000");
        f.price(0, 20_000);
        f.price(0, 21_400); // +7%: the band holds the market until t = 120 (the guard accepts: 7% < 10%)
        f.price(0, 24_000); // +18.8% from the guard's reference: rejected, the guard holds it until t = 60
        assertTrue(f.p.market(0).halted());
        f.nextBlock(60); // the guard releases; the band still holds
        assertTrue(f.p.market(0).halted());
        assertEquals(TxResult.MARKET_HALTED, f.p.submit(Tx.PlaceOrder.limit(a, 0, Side.BUY, 1, 1)).result());
        f.nextBlock(60); // t = 120: the band releases too
        assertFalse(f.p.market(0).halted());
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(a, 0, Side.BUY, 1, 1)).ok());
        List<ProtocolEvent.Halt> halts = f.log.of(ProtocolEvent.Halt.class);
        assertEquals("price-band", halts.get(halts.size() - 1).breaker());
        assertFalse(halts.get(halts.size() - 1).halted());
        f.assertInvariants();
    }

    @Test
    void haltHeldByTwoBreakersLastsUntilBothReleaseWhicheverRunsFirst() {
        haltHeldByTwoBreakersLastsUntilBothRelease(true);
        haltHeldByTwoBreakersLastsUntilBothRelease(false);
    }
}
