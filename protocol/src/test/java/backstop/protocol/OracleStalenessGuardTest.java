package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.breaker.OracleStalenessGuard;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chainlink heartbeat staleness (MECHANISMS §8) with an Aave-sentinel grace period (§6). */
class OracleStalenessGuardTest {

    @Test
    void staleOraclePausesLiquidationsUntilAGracePeriodAfterTheNextUpdate() {
        OracleStalenessGuard guard = new OracleStalenessGuard(3_600, 600);
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build())).breakers(List.of(guard)).build());
        int maker = f.open("1000000");
        int trader = f.open("2000");
        f.price(0, 20_000); // t = 0
        f.trade(trader, maker, 0, 20_000, 1);
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 18_800), f.lots(0, 5))).ok());
        f.nextBlock(3_600); // t = 3,600: silent for exactly the heartbeat, still fresh
        assertFalse(guard.paused(0));
        f.nextBlock(1); // t = 3,601: stale
        assertTrue(guard.paused(0));
        assertFalse(f.p.market(0).halted(), "trading goes on");
        f.nextBlock(399); // t = 4,000: a fresh price makes the trader liquidatable, but the grace runs to 4,600
        f.price(0, 18_900); // value 900 < MMR 945
        assertTrue(f.p.risk(trader).liquidatable());
        f.nextBlock(599); // end of the block at t = 4,000; now t = 4,599
        assertEquals(f.lots(0, 1), f.p.accounts().size(trader, 0), "no liquidation in the grace period");
        f.price(0, 18_900); // a second update inside the grace does not extend it
        assertTrue(guard.paused(0));
        f.nextBlock(1); // t = 4,600: grace over at the block's start
        assertFalse(guard.paused(0));
        f.nextBlock(1); // the block at t = 4,600 ends: liquidated at 18,800
        assertEquals(0, f.p.accounts().size(trader, 0));
        // value 2,000 − 20,000 + 18,800 = 800; penalty 1.5% × 18,800 = 282 to the fund
        assertEquals(Amounts.micros(282), f.p.ledger().balance(f.p.insuranceFundPot(0)));

        List<ProtocolEvent.Halt> pauses = f.log.of(ProtocolEvent.Halt.class);
        assertEquals(2, pauses.size());
        assertEquals(3, pauses.get(0).block(), "paused from the block at t = 3,601");
        assertTrue(pauses.get(0).halted());
        assertEquals("oracle-staleness", pauses.get(0).breaker());
        assertFalse(pauses.get(1).halted());
        assertEquals(6, pauses.get(1).block(), "resumed in the block at t = 4,600");
        f.assertInvariants();
    }

    @Test
    void graceCountsFromTheFirstFreshUpdateNotFromTheStartOfTheSilence() {
        OracleStalenessGuard guard = new OracleStalenessGuard(3_600, 600);
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build())).breakers(List.of(guard)).build());
        f.price(0, 20_000); // t = 0
        f.nextBlock(4_000); // t = 4,000: stale, no update
        assertTrue(guard.paused(0));
        f.nextBlock(1_000); // t = 5,000: still stale until this update
        f.price(0, 20_000);
        f.nextBlock(599); // t = 5,599
        assertTrue(guard.paused(0));
        f.nextBlock(1); // t = 5,600
        assertFalse(guard.paused(0));
        f.nextBlock(3_601); // t = 9,201: silent for 3,601 s again
        assertTrue(guard.paused(0));
        assertEquals(3, f.log.of(ProtocolEvent.Halt.class).size());
        assertEquals(0, f.p.ledger().total());
    }
}
