package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.liquidation.FullCloseLiquidation;
import backstop.protocol.liquidation.PenaltySplit;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;
import backstop.protocol.tx.TxResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transactions, refusals and the liquidation path of the protocol core. */
class ProtocolTest {

    @Test
    void withdrawalThatWouldBreachInitialMarginIsRefusedWhole() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int maker = f.open("1000000");
        int trader = f.open("3000");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        long hash = f.p.stateHash();
        // value 3,000, IMR 2,000: 1,000 is free, 1,000.000001 is not.
        assertEquals(TxResult.INSUFFICIENT_FREE_COLLATERAL, f.p.submit(new Tx.Withdraw(trader, Amounts.micros("1000.000001"))).result());
        ProtocolEvent.TxRejected rejected = f.log.of(ProtocolEvent.TxRejected.class).get(0);
        assertEquals(TxResult.INSUFFICIENT_FREE_COLLATERAL, rejected.result());
        assertEquals(hash + 0, stateWithoutEvents(f, hash));
        assertTrue(f.p.submit(new Tx.Withdraw(trader, Amounts.micros(1_000))).ok());
        f.assertInvariants();
    }

    private static long stateWithoutEvents(Fixture f, long before) {
        // A refusal only adds its TxRejected event; balances and positions are unchanged.
        assertEquals(Amounts.micros(-17_000), f.balance(1));
        return before;
    }

    @Test
    void orderBeyondInitialMarginIsRefusedAndNothingRests() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int trader = f.open("1000");
        f.price(0, 20_000);
        TxReceipt r = f.p.submit(Tx.PlaceOrder.limit(trader, 0, Side.BUY, f.ticks(0, 20_000), f.lots(0, 1)));
        assertEquals(TxResult.INSUFFICIENT_MARGIN, r.result());
        assertEquals(0, f.p.market(0).book().orderCount());
    }

    @Test
    void postOnlyThatWouldCrossIsRefusedWhole() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int a = f.open("100000");
        int b = f.open("100000");
        f.price(0, 20_000);
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(a, 0, Side.SELL, f.ticks(0, 20_000), 10)).ok());
        TxReceipt r = f.p.submit(Tx.PlaceOrder.postOnly(b, 0, Side.BUY, f.ticks(0, 20_000), 5));
        assertEquals(TxResult.POST_ONLY_WOULD_CROSS, r.result());
        assertEquals(0, f.p.accounts().size(b, 0));
        assertEquals(10, f.p.market(0).book().sizeAt(Side.SELL, f.ticks(0, 20_000)));
    }

    @Test
    void reduceOnlyClampsToThePositionAndNeverOpensOne() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int maker = f.open("1000000");
        int trader = f.open("10000");
        f.price(0, 20_000);
        assertEquals(TxResult.REDUCE_ONLY_WOULD_INCREASE, f.p.submit(Tx.PlaceOrder.close(trader, 0, Side.SELL, 5)).result());
        f.trade(trader, maker, 0, 20_000, 0.5);
        assertEquals(TxResult.REDUCE_ONLY_WOULD_INCREASE, f.p.submit(Tx.PlaceOrder.close(trader, 0, Side.BUY, 5)).result());
        f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 20_000), f.lots(0, 2)));
        TxReceipt r = f.p.submit(Tx.PlaceOrder.close(trader, 0, Side.SELL, f.lots(0, 2)));
        assertEquals(f.lots(0, 0.5), r.filled());
        assertEquals(0, f.p.accounts().size(trader, 0));
        assertEquals(TxResult.INVALID_ORDER_FLAGS, f.p.submit(new Tx.PlaceOrder(trader, 0, Side.SELL,
                backstop.protocol.book.OrderType.LIMIT, 1, 1, backstop.protocol.book.TimeInForce.GTC, false, true)).result());
    }

    @Test
    void isolatedAccountTradesOnlyItsMarketAndTransfersNeedTheSameOwner() {
        Fixture f = Fixture.of(Fixture.btc(0).build(), Fixture.btc(1).build());
        int cross = f.open("10000");
        int isolated = f.openIsolated(0, "1000");
        f.price(0, 20_000);
        f.price(1, 20_000);
        assertEquals(TxResult.ISOLATED_MARKET_MISMATCH, f.p.submit(Tx.PlaceOrder.limit(isolated, 1, Side.BUY, 100, 1)).result());
        assertTrue(f.p.submit(new Tx.Transfer(cross, isolated, Amounts.micros(500))).ok());
        assertEquals(Amounts.micros(1_500), f.balance(isolated));
        int stranger = (int) f.p.submit(new Tx.OpenAccount(7, -1, 0)).id();
        assertEquals(TxResult.NOT_OWNER, f.p.submit(new Tx.Transfer(cross, stranger, 1)).result());
    }

    @Test
    void makerWhoCanNoLongerAffordHisOrderIsRemovedAtFillTime() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int maker = f.open("2000");
        int taker = f.open("100000");
        f.price(0, 20_000);
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.SELL, f.ticks(0, 20_000), f.lots(0, 1))).ok());
        assertTrue(f.p.submit(new Tx.Withdraw(maker, Amounts.micros(1_500))).ok());
        TxReceipt r = f.p.submit(Tx.PlaceOrder.ioc(taker, 0, Side.BUY, f.ticks(0, 20_000), f.lots(0, 1)));
        assertEquals(0, r.filled());
        assertEquals(0, f.p.market(0).book().orderCount());
        assertEquals("GUARD", f.log.of(ProtocolEvent.OrderRemoved.class).get(0).reason());
    }

    @Test
    void openInterestCapStopsTheTaker() {
        Fixture f = Fixture.of(Fixture.btc(0).openInterestCap(Amounts.micros(30_000)).build());
        int a = f.open("100000");
        int b = f.open("100000");
        f.price(0, 20_000);
        f.p.submit(Tx.PlaceOrder.limit(a, 0, Side.SELL, f.ticks(0, 20_000), f.lots(0, 2)));
        TxReceipt r = f.p.submit(Tx.PlaceOrder.ioc(b, 0, Side.BUY, f.ticks(0, 20_000), f.lots(0, 2)));
        assertEquals(0, r.filled(), "the single 2 BTC fill would lift OI to $40k > $30k");
        assertEquals(0, f.p.market(0).openInterest());
    }

    @Test
    void liquidationClosesIntoTheBookAndPaysThePenaltyToTheInsuranceFund() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int maker = f.open("1000000");
        int trader = f.open("2000");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 18_800), f.lots(0, 5))).ok());
        f.price(0, 18_900); // value 900 < MMR 945
        long oracleEvent = f.p.lastEventId();
        f.nextBlock(1);
        assertEquals(0, f.p.accounts().size(trader, 0));
        // Sold at 18,800: value left 800; penalty 1.5% × 18,800 = 282 to the insurance fund; 518 stays.
        assertEquals(Amounts.micros(282), f.p.ledger().balance(f.p.insuranceFundPot(0)));
        assertEquals(Amounts.micros(518), f.balance(trader));
        ProtocolEvent.Liquidation liq = f.log.of(ProtocolEvent.Liquidation.class).get(0);
        assertEquals(oracleEvent, liq.causeId(), "the liquidation points at the price that caused it");
        ProtocolEvent.Fill fill = f.log.of(ProtocolEvent.Fill.class).get(1);
        assertTrue(fill.liquidation());
        assertEquals(liq.id(), fill.causeId());
        ProtocolEvent.LiquidationSettled settled = f.log.of(ProtocolEvent.LiquidationSettled.class).get(0);
        assertEquals(Amounts.micros(282), settled.penalty());
        assertEquals(liq.id(), settled.causeId());
        f.assertInvariants();
    }

    @Test
    void deficitGoesToTheInsuranceFundThenIsRecordedAsUncovered() {
        ProtocolConfig config = ProtocolConfig.builder(List.of(Fixture.btc(0).build())).insuranceFundSeed(Amounts.micros(100)).build();
        Fixture f = new Fixture(config);
        int maker = f.open("1000000");
        int trader = f.open("2000");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 17_700), f.lots(0, 1)));
        f.price(0, 18_000); // gap down: liquidatable, and the only bid is at 17,700
        f.nextBlock(1);
        // Sold at 17,700: cash 2,000 − 20,000 + 17,700 = −300. Insurance pays its 100; 200 is uncovered.
        assertEquals(0, f.balance(trader));
        ProtocolEvent.BadDebt debt = f.log.of(ProtocolEvent.BadDebt.class).get(0);
        assertEquals(Amounts.micros(300), debt.amount());
        List<ProtocolEvent.LossAbsorbed> shares = f.log.of(ProtocolEvent.LossAbsorbed.class);
        assertEquals("insurance-fund", shares.get(0).absorber());
        assertEquals(Amounts.micros(100), shares.get(0).amount());
        assertEquals("uncovered", shares.get(1).absorber());
        assertEquals(Amounts.micros(200), shares.get(1).amount());
        assertEquals(debt.id(), shares.get(1).causeId());
        assertEquals(0, f.p.ledger().balance(f.p.insuranceFundPot(0)));
        f.assertInvariants();
    }

    @Test
    void keepersMayLiquidateOnlyWhatIsLiquidatableAndEarnTheirShare() {
        ProtocolConfig config = ProtocolConfig.builder(List.of(Fixture.btc(0).build()))
                .liquidation(new FullCloseLiquidation(new PenaltySplit(10_000, 500_000), new backstop.protocol.liquidation.SlippageLimit(100_000), false)).build();
        Fixture f = new Fixture(config);
        int maker = f.open("1000000");
        int keeper = f.open("10");
        int trader = f.open("2000");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 18_900), f.lots(0, 1)));
        assertEquals(TxResult.NOT_LIQUIDATABLE, f.p.submit(new Tx.Liquidate(keeper, trader)).result());
        f.price(0, 18_900);
        f.nextBlock(1);
        assertEquals(f.lots(0, 1), f.p.accounts().size(trader, 0), "keeper-triggered: the protocol waits for a keeper");
        assertTrue(f.p.risk().isLiquidatable(trader));
        assertTrue(f.p.submit(new Tx.Liquidate(keeper, trader)).ok());
        // Penalty 1% × 18,900 = 189, half to the keeper.
        assertEquals(Amounts.micros("104.5"), f.balance(keeper));
        assertEquals(Amounts.micros("94.5"), f.p.ledger().balance(f.p.insuranceFundPot(0)));
        assertFalse(f.p.risk().isLiquidatable(trader));
        f.assertInvariants();
    }

    @Test
    void sameTransactionsGiveTheSameStateHash() {
        long first = scriptedHash();
        assertEquals(first, scriptedHash());
        Fixture f = Fixture.of(Fixture.btc(0).build());
        f.open("1");
        assertFalse(f.p.stateHash() == first);
    }

    private static long scriptedHash() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int maker = f.open("1000000");
        int trader = f.open("2000");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        f.price(0, 19_500);
        f.nextBlock(1);
        return f.p.stateHash();
    }
}
