package backstop.analysis.game;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SupportEnumerationTest {
    @Test
    void rockPaperScissorsAsABimatrixHasOnlyUniform() {
        double[][] a = {{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}};
        double[][] b = {{0, 1, -1}, {-1, 0, 1}, {1, -1, 0}};
        List<String> rps = List.of("rock", "paper", "scissors");
        List<Candidate> eqs = SupportEnumeration.solve(Games.bimatrix(rps, rps, a, b));
        assertEquals(1, eqs.size());
        for (int s = 0; s < 3; s++) {
            assertEquals(1.0 / 3, eqs.get(0).mixture().probability(0, s), 1e-12);
            assertEquals(1.0 / 3, eqs.get(0).mixture().probability(1, s), 1e-12);
        }
    }

    @Test
    void aDegenerateGameGivesTheEquilibriaOfItsNonSingularEqualSupports() {
        // Every profile of a game of zeros is an equilibrium; the 2 × 2 indifference systems are singular, so only
        // the four pure profiles are returned.
        EmpiricalGame zeros = Games.bimatrix(List.of("u", "d"), List.of("l", "r"), new double[2][2], new double[2][2]);
        List<Candidate> eqs = SupportEnumeration.solve(zeros);
        assertEquals(4, eqs.size());
        for (Candidate c : eqs) {
            assertEquals(0, c.regret().value());
            assertEquals(1.0, Math.max(c.mixture().probability(0, 0), c.mixture().probability(0, 1)));
        }
    }

    @Test
    void aMissingProfileOrAnotherShapeIsRefused() {
        List<Role> roles = List.of(new Role("row", 1, List.of("u", "d")), new Role("column", 1, List.of("l", "r")));
        EmpiricalGame.Builder b = EmpiricalGame.builder(roles);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                if (i + j < 2) {
                    b.addSample(Profile.pure(roles, i, j), 0, i, 1.0).addSample(Profile.pure(roles, i, j), 1, j, 1.0);
                }
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SupportEnumeration.solve(b.build()));
        assertTrue(e.getMessage().contains("missing [row: d 1; column: r 1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SupportEnumeration.solve(CongestionGameTest.FULL));
    }
}
