package backstop.analysis.game;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviationPayoffsTest {
    // Three players; a pays the number of a players, b pays ten times the number of b players.
    static final EmpiricalGame GAME = Games.oneRole(3, List.of("a", "b"), (s, c) -> s == 0 ? c[0] : 10.0 * c[1]);
    static final List<Role> ROLES = GAME.roles();

    @Test
    void expectedPayoffSumsOverTheOthersProfiles() {
        // Others a with probability 1/4: both a (1/16) → a 3 pays 3; one each (6/16) → a 2 pays 2; both b (9/16) → 1.
        DeviationPayoffs.At at = DeviationPayoffs.of(GAME).at(MixedProfile.of(ROLES, new double[] {0.25, 0.75}));
        assertEquals((3 * 1 + 2 * 6 + 9) / 16.0, at.payoff(0, 0), 1e-12);
        // b: 1 + the expected number of other b players (2 × 3/4), times 10.
        assertEquals(25, at.payoff(0, 1), 1e-12);
        assertTrue(at.missing().isEmpty());
    }

    @Test
    void regretIsTheBestDeviationLessTheMixturesOwnPayoff() {
        // At a with 1/4: a pays 1.5, b pays 25; the mixture pays 1/4 × 1.5 + 3/4 × 25 = 19.125; b gains 5.875.
        Regret regret = Regret.of(GAME, MixedProfile.of(ROLES, new double[] {0.25, 0.75}));
        assertEquals(19.125, regret.mixturePayoff(0), 1e-12);
        assertEquals(25, regret.deviationPayoff(0, 1), 1e-12);
        assertEquals(5.875, regret.value(), 1e-12);
        assertEquals(5.875, regret.roleGain(0), 1e-12);
    }

    @Test
    void aMissingProfileIsNamedNotDropped() {
        Profile gone = Profile.parse(ROLES, "players: a 1, b 2");
        EmpiricalGame.Builder b = EmpiricalGame.builder(ROLES);
        for (Profile p : GAME.profiles()) {
            for (int s = 0; s < 2; s++) {
                if (p.count(0, s) > 0 && !(p.equals(gone) && s == 0)) {
                    b.put(p, 0, s, GAME.payoff(p, 0, s).orElseThrow());
                }
            }
        }
        DeviationPayoffs dev = DeviationPayoffs.of(b.build());
        DeviationPayoffs.At mixed = dev.at(MixedProfile.uniform(ROLES));
        assertTrue(Double.isNaN(mixed.payoff(0, 0)));
        Regret regret = Regret.of(dev, MixedProfile.uniform(ROLES));
        assertTrue(Double.isNaN(regret.value()) && !regret.known());
        assertEquals(List.of(gone), regret.missing());
        assertEquals(List.of(gone), mixed.missing(0, 0));
        assertEquals(List.of(gone), mixed.missing());
        assertEquals(10 * (1 + 2 * 0.5), mixed.payoff(0, 1), 1e-12);
        // Against everyone on a, a deviation to a needs only "a 3": the missing profile has probability 0.
        DeviationPayoffs.At pure = dev.at(MixedProfile.pure(ROLES, 0));
        assertEquals(3, pure.payoff(0, 0));
        assertTrue(pure.missing().isEmpty());
        // Against everyone on b it is exactly the profile needed.
        assertEquals(List.of(gone), dev.at(MixedProfile.pure(ROLES, 1)).missing());
    }

    @Test
    void twoRolesMixIndependently() {
        // Row and column of one player each: the row's payoff against column mixture (0.3, 0.7) is 0.3 a + 0.7 b.
        EmpiricalGame g = Games.bimatrix(List.of("u", "d"), List.of("l", "r"), new double[][] {{4, 1}, {0, 2}},
                new double[][] {{0, 0}, {0, 0}});
        DeviationPayoffs.At at = DeviationPayoffs.of(g).at(MixedProfile.of(g.roles(), new double[] {1, 0},
                new double[] {0.3, 0.7}));
        assertEquals(0.3 * 4 + 0.7 * 1, at.payoff(0, 0), 1e-12);
        assertEquals(0.7 * 2, at.payoff(0, 1), 1e-12);
    }
}
