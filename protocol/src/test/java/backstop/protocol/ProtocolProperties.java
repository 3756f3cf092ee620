package backstop.protocol;

import backstop.protocol.book.OrderBook;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.PotKind;
import backstop.protocol.market.Market;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Randomized sequences over several markets: the accounting invariants hold after every single operation. */
class ProtocolProperties {

    @Property(tries = 1000)
    void conservationSizeBalanceAndUncrossedBooksAfterEveryOperation(@ForAll long seed) {
        RandomDriver d = new RandomDriver(seed);
        for (int i = 0; i < 150; i++) {
            d.step();
            assertInvariants(d, seed, i);
        }
        d.endBlock();
        assertNoUnsettledDeficit(d, seed);
    }

    @Property(tries = 300)
    void riskIndexAgreesWithABruteForceScan(@ForAll long seed) {
        RandomDriver d = new RandomDriver(seed);
        for (int i = 0; i < 150; i++) {
            d.step();
            int[] found = d.protocol.risk().sweep();
            List<Integer> expected = d.bruteForceLiquidatable();
            int[] sorted = found.clone();
            Arrays.sort(sorted);
            assertEquals(expected.toString(), Arrays.toString(sorted), "seed " + seed + " step " + i);
        }
    }

    @Property(tries = 100)
    void sameSeedGivesTheSameEventsAndStateHash(@ForAll long seed) {
        RandomDriver a = new RandomDriver(seed);
        RandomDriver b = new RandomDriver(seed);
        for (int i = 0; i < 150; i++) {
            a.step();
            b.step();
            assertEquals(a.protocol.stateHash(), b.protocol.stateHash());
        }
        assertEquals(a.log.events(), b.log.events());
    }

    private static void assertInvariants(RandomDriver d, long seed, int step) {
        Protocol p = d.protocol;
        String where = "seed " + seed + " step " + step;
        assertEquals(0, p.ledger().total(), "Σ pots, " + where);
        for (int pot : p.ledger().systemPotIds()) {
            PotKind kind = p.ledger().kind(pot);
            assertTrue(kind.mayGoNegative() || p.ledger().balance(pot) >= 0, p.ledger().name(pot) + " < 0, " + where);
        }
        for (Market m : p.markets()) {
            long sum = 0;
            long longs = 0;
            for (int a = 0; a < p.accounts().count(); a++) {
                sum += p.accounts().size(a, m.id());
                longs += Math.max(0, p.accounts().size(a, m.id()));
            }
            assertEquals(0, sum, "Σ size, " + where);
            assertEquals(longs, m.openInterest(), "open interest, " + where);
            OrderBook book = m.book();
            if (book.bestBid() != OrderBook.NO_PRICE && book.bestAsk() != OrderBook.NO_PRICE) {
                assertTrue(book.bestBid() < book.bestAsk(), "crossed book, " + where);
            }
        }
    }

    /**
     * After a block ends, a flat account holds negative cash only if a bad-debt event named it; and every
     * bad-debt event was covered in full by absorbers or recorded as uncovered.
     */
    private static void assertNoUnsettledDeficit(RandomDriver d, long seed) {
        Protocol p = d.protocol;
        Set<Integer> named = new HashSet<>();
        List<ProtocolEvent.BadDebt> debts = d.log.of(ProtocolEvent.BadDebt.class);
        for (ProtocolEvent.BadDebt b : debts) {
            named.add(b.account());
        }
        for (int a = 0; a < p.accounts().count(); a++) {
            if (!p.accounts().hasPositions(a)) {
                assertTrue(p.ledger().balance(a) >= 0, "flat account " + a + " negative, seed " + seed);
            }
        }
        List<Long> absorbedPerDebt = new ArrayList<>();
        for (ProtocolEvent.BadDebt b : debts) {
            long sum = 0;
            for (ProtocolEvent.LossAbsorbed l : d.log.of(ProtocolEvent.LossAbsorbed.class)) {
                if (l.causeId() == b.id()) {
                    sum += l.amount();
                }
            }
            assertEquals(b.amount(), sum, "absorbers' shares sum to the deficit, seed " + seed);
            absorbedPerDebt.add(sum);
        }
        assertEquals(debts.size(), absorbedPerDebt.size());
    }
}
