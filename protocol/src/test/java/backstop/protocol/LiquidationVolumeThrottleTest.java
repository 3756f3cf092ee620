package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.breaker.LiquidationVolumeThrottle;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** At most $30,000 of liquidated notional per market and hour; the rest waits for the next window. */
class LiquidationVolumeThrottleTest {

    @Test
    void liquidationsPauseOnceTheWindowBudgetIsSpentAndResumeWhenItRolls() {
        LiquidationVolumeThrottle throttle = new LiquidationVolumeThrottle(Amounts.micros(30_000), 3_600);
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build())).breakers(List.of(throttle)).build());
        int maker = f.open("1000000");
        int t1 = f.open("2000");
        int t2 = f.open("2000");
        int t3 = f.open("2000");
        f.price(0, 20_000);
        for (int t : new int[] {t1, t2, t3}) {
            f.trade(t, maker, 0, 20_000, 1);
        }
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 18_800), f.lots(0, 5))).ok());
        f.price(0, 18_900); // all three: value 900 < MMR 945
        f.nextBlock(1);
        // t1 closes $18,800 (18,800 < 30,000: go on); t2 brings it to $37,600 ≥ $30,000: pause; t3 waits
        assertEquals(0, f.p.accounts().size(t1, 0));
        assertEquals(0, f.p.accounts().size(t2, 0));
        assertEquals(f.lots(0, 1), f.p.accounts().size(t3, 0));
        assertEquals(Amounts.micros(37_600), throttle.volume(0));
        assertFalse(f.p.context().liquidationAllowed(0));
        f.nextBlock(3_598); // t = 3,599: same window
        f.nextBlock(1); // the block at t = 3,599 ends
        assertEquals(f.lots(0, 1), f.p.accounts().size(t3, 0));
        assertTrue(f.p.context().liquidationAllowed(0), "t = 3,600: a new window from the block's start");
        f.nextBlock(1);
        assertEquals(0, f.p.accounts().size(t3, 0));
        assertEquals(Amounts.micros(18_800), throttle.volume(0));

        List<ProtocolEvent.Halt> pauses = f.log.of(ProtocolEvent.Halt.class);
        assertEquals(List.of(true, false), pauses.stream().map(ProtocolEvent.Halt::halted).toList());
        ProtocolEvent.LiquidationSettled second = f.log.of(ProtocolEvent.LiquidationSettled.class).stream()
                .filter(s -> s.account() == t2).findFirst().orElseThrow();
        assertEquals(second.id(), pauses.get(0).causeId(), "the step that spent the budget caused the pause");
        f.assertInvariants();
    }

    @Test
    void budgetIsReachedAtExactlyTheCap() {
        LiquidationVolumeThrottle throttle = new LiquidationVolumeThrottle(Amounts.micros(18_800), 3_600);
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build())).breakers(List.of(throttle)).build());
        int maker = f.open("1000000");
        int t1 = f.open("2000");
        int t2 = f.open("2000");
        f.price(0, 20_000);
        f.trade(t1, maker, 0, 20_000, 1);
        f.trade(t2, maker, 0, 20_000, 1);
        f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 18_800), f.lots(0, 5)));
        f.price(0, 18_900);
        f.nextBlock(1);
        assertEquals(0, f.p.accounts().size(t1, 0));
        assertEquals(f.lots(0, 1), f.p.accounts().size(t2, 0), "18,800 ≥ 18,800: the budget is spent");
        assertEquals(0, f.p.ledger().total());
    }
}
