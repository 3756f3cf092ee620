package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.breaker.OracleGuard;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** marginfi's EMA-reference oracle breaker (MECHANISMS §8): clipped reference, confidence, escalating halts. */
class OracleGuardTest {

    /** α 20%, clip 2% per update, reject beyond 10%, halts of 60 s then 300 s within an hour. */
    private static Fixture guarded(long confidencePpm) {
        OracleGuard guard = new OracleGuard(200_000, 20_000, 100_000, confidencePpm, new long[] {60, 300}, 3_600);
        return new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build())).breakers(List.of(guard)).build());
    }

    private static OracleGuard guard(Fixture f) {
        return (OracleGuard) f.p.config().breakers().get(0);
    }

    @Test
    void emaReferenceMovesByAlphaClippedToTheMaximumShiftAndRejectsBeyondTheBand() {
        Fixture f = guarded(0);
        assertTrue(f.p.setOraclePrice(0, 100_000, 0) > 0); // seeds the reference
        assertEquals(100_000, guard(f).reference(0));
        // 1: deviation 5,000 ≤ 10% × 100,000: accepted; shift min(20% × 5,000, 2% × 100,000) = 1,000
        assertTrue(f.p.setOraclePrice(0, 105_000, 0) > 0);
        assertEquals(101_000, guard(f).reference(0));
        // 2: deviation 14,000 > 10,100: rejected; shift min(2,800, 2,020) = 2,020 (the clip binds)
        assertEquals(0, f.p.setOraclePrice(0, 115_000, 0));
        assertEquals(103_020, guard(f).reference(0));
        assertEquals(105_000, f.p.market(0).oraclePrice(), "the previous price stands");
        assertTrue(f.p.market(0).halted());
        // 3: deviation 8,980 ≤ 10,302: accepted; shift min(1,796, ⌊2,060.4⌋) = 1,796
        assertTrue(f.p.setOraclePrice(0, 112_000, 0) > 0);
        assertEquals(104_816, guard(f).reference(0));
        assertEquals(112_000, f.p.market(0).oraclePrice());
        assertEquals(1, guard(f).rejections(0));
        // 4: a fall clips the same way: deviation 10,481 ≤ 10,481.6 is accepted; shift −min(2,096, 2,096) = −2,096
        assertTrue(f.p.setOraclePrice(0, 94_335, 0) > 0);
        assertEquals(102_720, guard(f).reference(0));
        assertEquals(0, f.p.ledger().total());
    }

    @Test
    void confidenceIsSubtractedBeforeTheDeviationIsMeasured() {
        Fixture without = guarded(0);
        without.p.setOraclePrice(0, 100_000, 0);
        assertEquals(0, without.p.setOraclePrice(0, 111_000, 0), "11,000 > 10,000: rejected");
        Fixture with = guarded(10_000);
        with.p.setOraclePrice(0, 100_000, 0);
        // 11,000 − 1% × 111,000 = 9,890 ≤ 10,000: accepted
        assertTrue(with.p.setOraclePrice(0, 111_000, 0) > 0);
        assertEquals(0, with.p.ledger().total());
    }

    @Test
    void repeatedBreachesEscalateTheHaltAndAQuietHourResetsTheLadder() {
        Fixture f = guarded(0);
        int a = f.open("100000");
        f.p.setOraclePrice(0, 100_000, 0);
        f.p.setOraclePrice(0, 120_000, 0); // t = 0: breach 1 → 60 s
        assertTrue(f.p.market(0).halted());
        assertEquals(TxResult.MARKET_HALTED, f.p.submit(Tx.PlaceOrder.limit(a, 0, Side.BUY, 100_000, 1)).result());
        f.nextBlock(59);
        assertTrue(f.p.market(0).halted());
        f.nextBlock(1); // t = 60
        assertFalse(f.p.market(0).halted());
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(a, 0, Side.BUY, 100_000, 1)).ok());
        f.p.setOraclePrice(0, 80_000, 0); // breach 2 within the hour → 300 s, until t = 360
        assertTrue(f.p.market(0).halted());
        f.nextBlock(299); // t = 359
        assertTrue(f.p.market(0).halted());
        f.nextBlock(1); // t = 360
        assertFalse(f.p.market(0).halted());
        f.p.setOraclePrice(0, 130_000, 0); // breach 3: the ladder stays on its last rung
        f.nextBlock(299);
        assertTrue(f.p.market(0).halted());
        f.nextBlock(1); // t = 660
        assertFalse(f.p.market(0).halted());
        f.nextBlock(3_601); // t = 4,261: more than an hour since the last breach
        f.p.setOraclePrice(0, 130_000, 0);
        assertTrue(f.p.market(0).halted());
        f.nextBlock(60);
        assertFalse(f.p.market(0).halted(), "back on the first rung: 60 s");

        List<ProtocolEvent.Halt> halts = f.log.of(ProtocolEvent.Halt.class);
        assertEquals(8, halts.size());
        assertTrue(halts.get(2).reason().contains("breach rung 2, halt 300 s"), halts.get(2).reason());
        assertTrue(halts.get(4).reason().contains("breach rung 2, halt 300 s"), halts.get(4).reason());
        assertTrue(halts.get(6).reason().contains("breach rung 1, halt 60 s"), halts.get(6).reason());
        assertEquals(4, guard(f).rejections(0));
        assertEquals(0, f.p.ledger().total());
    }
}
