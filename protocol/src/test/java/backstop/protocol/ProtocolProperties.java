package backstop.protocol;

import backstop.protocol.event.ProtocolEvent;
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

    @Property(tries = 1000, seed = Seeds.PINNED)
    void conservationSizeBalanceAndUncrossedBooksAfterEveryOperation(@ForAll long seed) {
        RandomDriver d = new RandomDriver(seed);
        for (int i = 0; i < 150; i++) {
            d.step();
            assertInvariants(d, seed, i);
        }
        d.endBlock();
        assertNoUnsettledDeficit(d, seed);
    }

    @Property(tries = 300, seed = Seeds.PINNED)
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

    @Property(tries = 100, seed = Seeds.PINNED)
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
        String where = "seed " + seed + " step " + step;
        Invariants.assertConserved(d.protocol, where);
        Invariants.assertSystemPotsNonNegative(d.protocol, where);
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
