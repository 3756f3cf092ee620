package backstop.protocol.waterfall;

import backstop.protocol.book.Side;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Protocols, or markets, sharing one insurance pool: the cross-domain insurance drain (MECHANISMS.md §(b)8). */
class InsurancePoolTest {

    @Test
    void oneProtocolsDebtDrainsThePoolSoTheOthersLaterDeficitFindsLess() {
        InsurancePool pool = new InsurancePool(Amounts.micros(50));
        WaterfallFixture a = WaterfallFixture.of(List.of(new PooledInsuranceAbsorber(pool, "dex-a", Amounts.micros(40))), "0");
        WaterfallFixture b = WaterfallFixture.of(List.of(new PooledInsuranceAbsorber(pool, "dex-b", Amounts.micros(40))), "0");
        // In each: a long of 10 at $100 (A's with $120, B's with $170); the only bid left is at $80.
        int traderA = longIntoAGap(a, "120");
        int traderB = longIntoAGap(b, "170");
        long world = world(pool, a, b);

        // A's market gaps to $85: its trader sells at $80, cash 120 − 1,000 + 800 = −$80. The pool pays A's cap of
        // $40; the rest is uncovered.
        a.price(0, "85");
        a.nextBlock(1);
        ProtocolEvent.BadDebt debt = a.log.of(ProtocolEvent.BadDebt.class).get(0);
        assertEquals(traderA, debt.account());
        assertEquals(Amounts.micros(80), debt.amount());
        assertEquals(Amounts.micros(40), a.shares(debt).get(0).amount());
        assertEquals(Amounts.micros(10), pool.balance());
        assertEquals(world, world(pool, a, b));

        // Later B's market gaps too: −$30, and B finds only the $10 A left, though its own cap is $40.
        b.price(0, "85");
        b.nextBlock(1);
        ProtocolEvent.BadDebt later = b.log.of(ProtocolEvent.BadDebt.class).get(0);
        assertEquals(traderB, later.account());
        assertEquals(Amounts.micros(30), later.amount());
        assertEquals("pooled-insurance", b.shares(later).get(0).absorber());
        assertEquals(Amounts.micros(10), b.shares(later).get(0).amount());
        assertEquals("uncovered", b.shares(later).get(1).absorber());
        assertEquals(Amounts.micros(20), b.shares(later).get(1).amount());
        assertEquals(0, pool.balance());
        assertEquals(Amounts.micros(40), pool.drawn("dex-a"));
        assertEquals(Amounts.micros(10), pool.drawn("dex-b"));
        assertEquals(world, world(pool, a, b), "Σ (what each protocol holds) + pool is conserved exactly");
        a.assertConserved();
        b.assertConserved();
    }

    private static int longIntoAGap(WaterfallFixture f, String deposit) {
        return longIntoAGap(f, 0, deposit);
    }

    private static int longIntoAGap(WaterfallFixture f, int market, String deposit) {
        int maker = f.open("10000");
        int trader = f.open(deposit);
        f.price(market, "100");
        f.trade(trader, maker, market, "100", 10);
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, market, Side.BUY, f.ticks(market, "80"), 10)).ok());
        return trader;
    }

    @Test
    void perMarketMembersShareOnePoolEachCappedSoOneMarketsDebtDrainsTheOthersCover() {
        InsurancePool pool = new InsurancePool(Amounts.micros(50));
        WaterfallFixture f = new WaterfallFixture(backstop.protocol.ProtocolConfig
                .builder(List.of(WaterfallFixture.market(0), WaterfallFixture.market(1)))
                .waterfall(List.of(new InsuranceFundAbsorber(), PooledInsuranceAbsorber.perMarket(pool, Amounts.micros(40))))
                .insurancePerMarket(true).build());
        // The same two bankruptcies as between two protocols above, now in two markets of one protocol whose own
        // per-market funds are empty: X0 −$80 takes its cap of $40; X1 −$30 later finds the $10 left.
        int trader0 = longIntoAGap(f, 0, "120");
        int trader1 = longIntoAGap(f, 1, "170");
        long world = pool.balance() - f.balance(f.p.externalPot());
        f.price(0, "85");
        f.nextBlock(1);
        ProtocolEvent.BadDebt first = f.log.of(ProtocolEvent.BadDebt.class).get(0);
        assertEquals(trader0, first.account());
        assertEquals(List.of("pooled-insurance", "uncovered"), f.shares(first).stream().map(ProtocolEvent.LossAbsorbed::absorber).toList());
        assertEquals(Amounts.micros(40), f.shares(first).get(0).amount());
        f.price(1, "85");
        f.nextBlock(1);
        ProtocolEvent.BadDebt second = f.log.of(ProtocolEvent.BadDebt.class).get(1);
        assertEquals(trader1, second.account());
        assertEquals(Amounts.micros(10), f.shares(second).get(0).amount());
        assertEquals(Amounts.micros(20), f.shares(second).get(1).amount());
        assertEquals(Amounts.micros(40), pool.drawn(PooledInsuranceAbsorber.MARKET_MEMBER + "X0"));
        assertEquals(Amounts.micros(10), pool.drawn(PooledInsuranceAbsorber.MARKET_MEMBER + "X1"));
        assertEquals(world, pool.balance() - f.balance(f.p.externalPot()), "pool + protocol is conserved exactly");
        f.assertConserved();
    }

    @Test
    void membersAreUniqueAndCapsBindEachMember() {
        InsurancePool pool = new InsurancePool(100);
        pool.admit("x", 30);
        assertThrows(IllegalArgumentException.class, () -> pool.admit("x", 5));
        assertThrows(IllegalArgumentException.class, () -> new InsurancePool(-1));
        assertEquals(30, pool.draw("x", 45));
        assertEquals(0, pool.draw("x", 1));
        assertEquals(70, pool.balance());
        pool.deposit(5);
        assertEquals(75, pool.balance());
    }

    /** The world's value: the pool plus what each member protocol holds (minus its external pot). */
    private static long world(InsurancePool pool, WaterfallFixture... members) {
        long total = pool.balance();
        for (WaterfallFixture f : members) {
            total -= f.balance(f.p.externalPot());
        }
        return total;
    }
}
