package backstop.analysis.game;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Five drivers choose road a (pays 12 − 2 k_a) or road b (pays 8 − k_b), k the drivers on the road. Against others
 * taking a with probability p, a pays 12 − 2(1 + 4p) = 10 − 8p and b pays 8 − (1 + 4(1 − p)) = 3 + 4p: the symmetric
 * equilibrium is p = 7/12. DPR to 3 players keeps it exactly: each of the 2 other reduced players stands for 2 drivers,
 * so the expected count is again 1 + 4p, and payoffs linear in the counts are preserved.
 */
class CongestionGameTest {
    static final EmpiricalGame FULL = Games.oneRole(5, List.of("a", "b"),
            (s, c) -> s == 0 ? 12.0 - 2 * c[0] : 8.0 - c[1]);
    static final Dpr DPR = new Dpr(FULL.roles(), 3);
    static final EmpiricalGame REDUCED = DPR.reduce(FULL);

    @Test
    void reducedPayoffsByHand() {
        List<Role> red = DPR.reducedRoles();
        assertEquals(2, pay(REDUCED, Profile.parse(red, "players: a 3"), 0));          // from a 5
        assertEquals(6, pay(REDUCED, Profile.parse(red, "players: a 2, b 1"), 0));     // from a 3, b 2
        assertEquals(7, pay(REDUCED, Profile.parse(red, "players: a 2, b 1"), 1));     // from a 4, b 1
        assertEquals(10, pay(REDUCED, Profile.parse(red, "players: a 1, b 2"), 0));    // from a 1, b 4
        assertEquals(5, pay(REDUCED, Profile.parse(red, "players: a 1, b 2"), 1));     // from a 2, b 3
        assertEquals(3, pay(REDUCED, Profile.parse(red, "players: b 3"), 1));          // from b 5
    }

    @Test
    void replicatorDynamicsOnTheReducedGameFindsSevenTwelfths() {
        List<Candidate> cands = ReplicatorSearch.defaults().candidates(REDUCED, Starts.of(REDUCED.roles(), 10, 7));
        assertEquals(1, cands.size());
        assertEquals(1.0, cands.get(0).basin());
        assertTrue(cands.get(0).converged());
        double p = cands.get(0).mixture().probability(0, 0);
        assertEquals(7.0 / 12, p, 1e-7);
        // The same mixture is an equilibrium of the full five-player game.
        MixedProfile inFull = MixedProfile.of(FULL.roles(), new double[] {p, 1 - p});
        assertTrue(Regret.of(FULL, inFull).value() < 1e-6);
        assertEquals(0, Regret.of(FULL, MixedProfile.of(FULL.roles(), new double[] {7.0 / 12, 5.0 / 12})).value(), 1e-12);
    }

    @Test
    void theFullGameGivesTheSameEquilibriumAndTheSameRegrets() {
        List<Candidate> full = ReplicatorSearch.defaults().candidates(FULL, Starts.of(FULL.roles(), 10, 7));
        assertEquals(1, full.size());
        assertEquals(7.0 / 12, full.get(0).mixture().probability(0, 0), 1e-7);
        // Everyone on a: b pays 8 − 1 = 7 against a's 2, in both games.
        assertEquals(5, Regret.of(FULL, MixedProfile.pure(FULL.roles(), 0)).value(), 1e-12);
        assertEquals(5, Regret.of(REDUCED, MixedProfile.pure(REDUCED.roles(), 0)).value(), 1e-12);
        MixedProfile third = MixedProfile.of(FULL.roles(), new double[] {1.0 / 3, 2.0 / 3});
        assertEquals(Regret.of(FULL, third).value(),
                Regret.of(REDUCED, MixedProfile.of(REDUCED.roles(), new double[] {1.0 / 3, 2.0 / 3})).value(), 1e-12);
    }

    private static double pay(EmpiricalGame g, Profile p, int strategy) {
        return g.payoff(p, 0, strategy).orElseThrow().mean();
    }
}
