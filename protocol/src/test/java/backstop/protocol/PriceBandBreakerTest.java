package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.breaker.PriceBandBreaker;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CME-style limits (MECHANISMS §8): 7% and 13% soft limits pause 2 minutes, 20% halts for the rest of the session. */
class PriceBandBreakerTest {

    private static Fixture cme() {
        return new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build()))
                .breakers(List.of(PriceBandBreaker.cmeBitcoin())).build());
    }

    private static TxResult buy(Fixture f, int account, double price) {
        return f.p.submit(Tx.PlaceOrder.limit(account, 0, Side.BUY, f.ticks(0, price), 1)).result();
    }

    @Test
    void sevenPercentHaltsForTwoMinutesThirteenPercentAgainAndTwentyPercentUntilTheSessionEnds() {
        Fixture f = cme();
        int a = f.open("100000");
        f.price(0, 20_000); // t = 0: the first price is the session's reference
        f.price(0, 21_399.9); // +6.9995%: 13,999 ticks < ⌈200,000 × 7%⌉ = 14,000
        assertFalse(f.p.market(0).halted());
        f.price(0, 21_400); // +7% exactly
        assertTrue(f.p.market(0).halted());
        assertEquals(TxResult.MARKET_HALTED, buy(f, a, 20_000));
        f.nextBlock(60);
        f.price(0, 21_400); // t = 60: still paused
        assertEquals(TxResult.MARKET_HALTED, buy(f, a, 20_000));
        f.nextBlock(59);
        f.price(0, 21_400); // t = 119
        assertTrue(f.p.market(0).halted());
        f.nextBlock(1); // t = 120: the pause is over from the block's start
        assertFalse(f.p.market(0).halted());
        assertTrue(buy(f, a, 20_000).ok());
        f.price(0, 21_000); // a move back inside 7% does not trip again
        f.price(0, 21_500); // 7.5%: the 7% limit already tripped this session
        assertFalse(f.p.market(0).halted());
        f.price(0, 22_600); // +13% exactly
        assertTrue(f.p.market(0).halted());
        f.nextBlock(120);
        f.price(0, 22_600); // t = 240
        assertFalse(f.p.market(0).halted());
        f.price(0, 23_999.9);
        assertFalse(f.p.market(0).halted());
        f.price(0, 24_000); // +20%: halted until the session ends at t = 86,400
        assertTrue(f.p.market(0).halted());
        f.nextBlock(86_400 - 240 - 1);
        f.price(0, 24_000); // t = 86,399
        assertTrue(f.p.market(0).halted());
        f.nextBlock(1); // t = 86,400: new session, the close (24,000) is the new reference
        assertFalse(f.p.market(0).halted());
        assertEquals(f.ticks(0, 24_000), ((PriceBandBreaker) f.p.config().breakers().get(0)).reference(0));
        f.price(0, 25_680); // +7% of 24,000
        assertTrue(f.p.market(0).halted());

        List<ProtocolEvent.Halt> halts = f.log.of(ProtocolEvent.Halt.class);
        assertEquals(List.of(true, false, true, false, true, false, true), halts.stream().map(ProtocolEvent.Halt::halted).toList());
        assertTrue(halts.stream().allMatch(h -> h.market() == 0 && h.breaker().equals("price-band")));
        assertEquals(f.log.of(ProtocolEvent.OraclePrice.class).get(2).id(), halts.get(0).causeId(), "the 7% price caused the halt");
        assertEquals(4, halts.get(1).block(), "released in the block at t = 120");
        assertEquals(0, f.p.ledger().total());
    }

    @Test
    void haltedMarketRefusesOrdersAndItsLiquidationsWaitForTheRelease() {
        Fixture f = cme();
        int maker = f.open("1000000");
        int trader = f.open("2000");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 18_500), f.lots(0, 1))).ok());
        f.price(0, 18_600); // −7%: halted; value 2,000 − 1,400 = 600 < MMR 5% × 18,600 = 930
        assertTrue(f.p.market(0).halted());
        assertTrue(f.p.risk(trader).liquidatable());
        assertEquals(TxResult.MARKET_HALTED, f.p.submit(Tx.PlaceOrder.market(maker, 0, Side.SELL, 1)).result());
        f.nextBlock(60);
        assertEquals(f.lots(0, 1), f.p.accounts().size(trader, 0), "no liquidation while halted");
        f.price(0, 18_600);
        f.nextBlock(60);
        assertEquals(f.lots(0, 1), f.p.accounts().size(trader, 0));
        assertTrue(f.log.of(ProtocolEvent.LiquidationSettled.class).stream().allMatch(s -> s.sizeClosed() == 0));
        // t = 120: the pause ended as the block began; the first order of the block is taken
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 18_400), f.lots(0, 1))).ok());
        f.nextBlock(1);
        assertEquals(0, f.p.accounts().size(trader, 0), "liquidated once the halt is over");
        // Sold at 18,500: value left 2,000 − 20,000 + 18,500 = 500; penalty 1.5% × 18,500 = 277.5 to the fund.
        assertEquals(Amounts.micros("277.5"), f.p.ledger().balance(f.p.insuranceFundPot(0)));
        assertEquals(Amounts.micros("222.5"), f.balance(trader));
        f.assertInvariants();
    }
}
