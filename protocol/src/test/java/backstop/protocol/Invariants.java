package backstop.protocol;

import backstop.protocol.book.OrderBook;
import backstop.protocol.ledger.PotKind;
import backstop.protocol.market.Market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The invariants every protocol state keeps, checked the same way by every fixture and randomized test. */
public final class Invariants {
    private Invariants() {
    }

    /**
     * Σ pots = 0 and, in every market, Σ size = 0, open interest = Σ longs and an uncrossed book; {@code where}
     * (may be empty) says where the check ran.
     */
    public static void assertConserved(Protocol p, String where) {
        String at = where.isEmpty() ? "" : ", " + where;
        assertEquals(0, p.ledger().total(), "Σ pots" + at);
        for (Market m : p.markets()) {
            long sum = 0;
            long longs = 0;
            for (int a = 0; a < p.accounts().count(); a++) {
                long s = p.accounts().size(a, m.id());
                sum += s;
                longs += Math.max(s, 0);
            }
            String market = " in " + m.spec().symbol() + at;
            assertEquals(0, sum, "Σ size" + market);
            assertEquals(longs, m.openInterest(), "open interest" + market);
            OrderBook book = m.book();
            if (book.bestBid() != OrderBook.NO_PRICE && book.bestAsk() != OrderBook.NO_PRICE) {
                assertTrue(book.bestBid() < book.bestAsk(), "book crossed" + market);
            }
        }
    }

    /** No system pot below zero unless its kind may go there (the external world, uncovered losses…). */
    public static void assertSystemPotsNonNegative(Protocol p, String where) {
        for (int pot : p.ledger().systemPotIds()) {
            PotKind kind = p.ledger().kind(pot);
            assertTrue(kind.mayGoNegative() || p.ledger().balance(pot) >= 0, p.ledger().name(pot) + " < 0, " + where);
        }
    }
}
