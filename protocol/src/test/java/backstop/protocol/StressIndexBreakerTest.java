package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.breaker.StressIndex;
import backstop.protocol.breaker.StressIndexBreaker;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Soft and hard states from a stress index of realized volatility, liquidation volume and insurance drawdown. */
class StressIndexBreakerTest {

    private static long state(Fixture f) {
        return f.p.parameters().get(StressIndexBreaker.STATE).value();
    }

    @Test
    void volatilityDrivesSoftThenHardStateAndTheStatesFallAfterTheReleaseDelay() {
        // full stress at 10% realized volatility over an hour; soft at 0.5, hard at 1.0; 600 s to step down
        StressIndexBreaker breaker = new StressIndexBreaker(new StressIndex(3_600, 100_000, 0, 0), 500_000, 1_000_000,
                600, 1_000_000);
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build())).breakers(List.of(breaker)).build());
        int maker = f.open("1000000");
        int a = f.open("100000");
        f.price(0, 20_000);
        f.trade(a, maker, 0, 20_000, 1);
        f.nextBlock(60);
        f.price(0, 21_000); // r = +50,000 ppm: √(2.5e9) = 50,000 → index 500,000: soft
        f.nextBlock(60);
        assertEquals(1, breaker.state());
        assertEquals(1, state(f));
        assertEquals(500_000, breaker.index().indexPpm());
        assertEquals(Amounts.micros(21_000), f.p.market(0).openInterestCap(), "open interest frozen at 1 BTC × 21,000");
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.SELL, f.ticks(0, 21_000), 1)).ok());
        assertEquals(0, f.p.submit(Tx.PlaceOrder.ioc(a, 0, Side.BUY, f.ticks(0, 21_000), 1)).filled());
        f.price(0, 19_950); // t = 120: r = −50,000: √(5e9) = 70,710 → index 707,100: still soft
        f.nextBlock(60);
        assertEquals(707_100, breaker.index().indexPpm());
        assertEquals(1, breaker.state());
        f.price(0, 21_945); // t = 180: r = +100,000: √(1.5e10) = 122,474 → 1,224,740: hard
        f.nextBlock(60);
        assertEquals(1_224_740, breaker.index().indexPpm());
        assertEquals(2, breaker.state());
        assertTrue(f.p.market(0).halted());
        assertEquals(TxResult.MARKET_HALTED, f.p.submit(Tx.PlaceOrder.limit(a, 0, Side.BUY, f.ticks(0, 20_000), 1)).result());
        f.nextBlock(3_660 - 240); // t = 3,660
        f.nextBlock(60); // end of t = 3,660: the return at t = 60 left: √(1.25e10) = 111,803 → hard
        assertEquals(1_118_030, breaker.index().indexPpm());
        f.nextBlock(60); // end of t = 3,720: √(1e10) = 100,000 → 1,000,000: still hard (≥)
        assertEquals(1_000_000, breaker.index().indexPpm());
        assertEquals(2, breaker.state());
        f.nextBlock(599); // end of t = 3,780: index 0, below since 3,780
        assertEquals(0, breaker.index().indexPpm());
        assertEquals(2, breaker.state());
        f.nextBlock(1); // end of t = 4,379
        assertEquals(2, breaker.state());
        f.nextBlock(1); // end of t = 4,380: 600 s below: back to normal
        assertEquals(0, breaker.state());
        assertEquals(0, state(f));
        assertEquals(0, f.p.market(0).openInterestCap());
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(a, 0, Side.BUY, f.ticks(0, 20_000), 1)).ok());

        List<ProtocolEvent.Halt> transitions = f.log.of(ProtocolEvent.Halt.class).stream().filter(h -> h.market() == -1).toList();
        assertEquals(3, transitions.size());
        assertTrue(transitions.get(0).reason().startsWith("normal -> soft: index 500000"), transitions.get(0).reason());
        assertTrue(transitions.get(1).reason().startsWith("soft -> hard"));
        assertTrue(transitions.get(2).reason().startsWith("hard -> normal"));
        f.assertInvariants();
    }

    @Test
    void insuranceDrawdownAndLiquidationVolumeAddUp() {
        // full stress at 10% of TVL liquidated within an hour, or a 60% insurance drawdown
        StressIndexBreaker breaker = new StressIndexBreaker(new StressIndex(3_600, 0, 100_000, 600_000), 500_000,
                1_000_000, 0, 1_000_000);
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build())).breakers(List.of(breaker))
                .insuranceFundSeed(Amounts.micros(1_000)).build());
        int maker = f.open("1000000");
        int trader = f.open("2000");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 17_700), f.lots(0, 1)));
        f.nextBlock(1); // peak insurance $1,000 seen
        f.price(0, 18_000);
        f.nextBlock(1); // sold at 17,700: −300 of bad debt, the fund pays it
        // drawdown 300/1,000 = 300,000 ppm → 500,000; liquidated 17,700 of TVL 1,002,300 (the maker's cash)
        // = 17,659 ppm → 176,590; index 676,590: soft
        assertEquals(300_000, breaker.index().drawdownPpm());
        assertEquals(17_659, breaker.index().liquidationPpm());
        assertEquals(676_590, breaker.index().indexPpm());
        assertEquals(1, breaker.state());
        f.assertInvariants();
    }
}
