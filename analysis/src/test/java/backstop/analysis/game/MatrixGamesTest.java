package backstop.analysis.game;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The solvers recover the textbook answers of small games. */
class MatrixGamesTest {
    static final double THRESHOLD = 1e-6;
    static final List<Starts.Start> STARTS_2X2 = Starts.of(List.of(new Role("row", 1, List.of("x", "y")),
            new Role("column", 1, List.of("x", "y"))), 0, 0);

    // Prisoner's dilemma: T = 5, R = 3, P = 1, S = 0.
    static final EmpiricalGame PD = Games.bimatrix(List.of("cooperate", "defect"), List.of("cooperate", "defect"),
            new double[][] {{3, 0}, {5, 1}}, new double[][] {{3, 5}, {0, 1}});

    @Test
    void prisonersDilemmaHasOnlyDefectDefect() {
        List<Candidate> eqs = SupportEnumeration.solve(PD);
        assertEquals(1, eqs.size());
        assertProbabilities(eqs.get(0).mixture(), new double[] {0, 1}, new double[] {0, 1}, 0);
        assertEquals(0, eqs.get(0).regret().value());
        List<Candidate> rd = ReplicatorSearch.defaults().candidates(PD, starts(PD, 5));
        assertEquals(1, rd.size());
        assertEquals(1.0, rd.get(0).basin());
        assertProbabilities(rd.get(0).mixture(), new double[] {0, 1}, new double[] {0, 1}, 0);
        assertEquals(0, rd.get(0).regret().value());
        // Mutual cooperation: either player gains T − R = 2 by defecting.
        Regret cc = Regret.of(PD, MixedProfile.pure(PD.roles(), 0, 0));
        assertEquals(2, cc.value());
        assertEquals(2, cc.roleGain(0));
        assertEquals(2, cc.roleGain(1));
    }

    // Matching pennies: the row player wants to match.
    static final EmpiricalGame PENNIES = Games.bimatrix(List.of("heads", "tails"), List.of("heads", "tails"),
            new double[][] {{1, -1}, {-1, 1}}, new double[][] {{-1, 1}, {1, -1}});

    @Test
    void matchingPenniesHasOnlyTheHalfHalfMixture() {
        List<Candidate> eqs = SupportEnumeration.solve(PENNIES);
        assertEquals(1, eqs.size());
        assertProbabilities(eqs.get(0).mixture(), new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, 1e-12);
        assertEquals(0, Regret.of(PENNIES, MixedProfile.uniform(PENNIES.roles())).value(), 1e-15);
    }

    @Test
    void replicatorDynamicsCirclesInMatchingPennies() {
        // The uniform start is a fixed point; every other start spirals outward and never settles, so the only
        // equilibrium replicator dynamics reports is the one it started on.
        List<Candidate> cands = ReplicatorSearch.defaults().candidates(PENNIES, starts(PENNIES, 5));
        assertTrue(cands.get(0).converged());
        assertEquals(0, cands.get(0).regret().value(), 1e-15);
        for (Candidate c : cands.subList(1, cands.size())) {
            assertFalse(c.converged(), c.start());
            assertTrue(c.regret().value() > 0.1, c.start() + " " + c.regret().value());
        }
        assertEquals(1, ReplicatorSearch.defaults().equilibria(PENNIES, starts(PENNIES, 5), THRESHOLD).size());
    }

    // Battle of the sexes: (2, 1) at opera, (1, 2) at football, 0 apart.
    static final EmpiricalGame SEXES = Games.bimatrix(List.of("opera", "football"), List.of("opera", "football"),
            new double[][] {{2, 0}, {0, 1}}, new double[][] {{1, 0}, {0, 2}});

    @Test
    void battleOfTheSexesHasTwoPureAndOneMixedEquilibrium() {
        List<Candidate> eqs = SupportEnumeration.solve(SEXES);
        assertEquals(3, eqs.size());
        assertProbabilities(eqs.get(0).mixture(), new double[] {1, 0}, new double[] {1, 0}, 0);
        assertProbabilities(eqs.get(1).mixture(), new double[] {0, 1}, new double[] {0, 1}, 0);
        // The row player mixes to make the column indifferent: x = 2(1 − x) → 2/3; the column: 2y = 1 − y → 1/3.
        assertProbabilities(eqs.get(2).mixture(), new double[] {2.0 / 3, 1.0 / 3}, new double[] {1.0 / 3, 2.0 / 3}, 1e-12);
        assertEquals("supports row: opera, football; column: opera, football", eqs.get(2).start());
        for (Candidate c : eqs) {
            assertTrue(c.isEquilibrium(1e-12), c.start());
        }
        // Every start of replicator dynamics ends at one of the three: the two pure ones attract most starts, and
        // the strong shift (just below the smallest payoff) takes the uniform start onto the mixed one in a few steps.
        List<Candidate> rd = ReplicatorSearch.defaults().equilibria(SEXES, starts(SEXES, 10), THRESHOLD);
        assertEquals(3, rd.size());
        double basin = 0;
        for (Candidate c : rd) {
            basin += c.basin();
            assertTrue(eqs.stream().anyMatch(e -> e.mixture().distance(c.mixture()) < 1e-6), c.mixture().text());
        }
        assertEquals(1.0, basin, 1e-12);
        assertTrue(rd.stream().filter(c -> c.mixture().probability(0, 0) == 1).findFirst().orElseThrow().basin() > 0.2);
    }

    // Makers through a crash (the shape maker-withdrawal measures): all staying pays each 243, a lone stayer takes the
    // whole flow and loses 114 while the one who withdrew earns 226, both withdrawing earn 205. Both pure profiles are
    // equilibria; the mixed one, stay with p = 319/336 ≈ 0.949, is unstable.
    static final EmpiricalGame CRASH_MAKERS = Games.symmetric(List.of("stay", "withdraw"),
            new double[][] {{243, -114}, {226, 205}});

    @Test
    void aPureEquilibriumWithASmallBasinIsFoundByCheckingPureProfiles() {
        List<Starts.Start> starts = Starts.of(CRASH_MAKERS.roles(), 0, 1);   // uniform and the skewed (0.9) ones
        List<Candidate> rd = ReplicatorSearch.defaults().equilibria(CRASH_MAKERS, starts, THRESHOLD);
        assertEquals(1, rd.size(), "from 0.9 on stay the dynamics still leave it: staying pays only above 0.949");
        assertEquals(1.0, rd.get(0).mixture().probability(0, 1));
        List<Candidate> pure = PureProfiles.candidates(CRASH_MAKERS);
        assertEquals(List.of("players: stay 1.0", "players: withdraw 1.0"), pure.stream().map(c -> c.mixture().text()).toList());
        assertTrue(pure.stream().allMatch(c -> c.isEquilibrium(1e-12)), "both pure profiles are best replies to themselves");
        assertEquals(0, pure.get(0).regret().value());
        List<Candidate> added = PureProfiles.notAmong(CRASH_MAKERS, rd, 1e-3);
        assertEquals(1, added.size());
        assertEquals(1.0, added.get(0).mixture().probability(0, 0), "staying is the equilibrium the search missed");
        // Lowering all-stay's payoff below the deviation's makes it a candidate with regret 226 − 200 = 26.
        EmpiricalGame lower = Games.symmetric(List.of("stay", "withdraw"), new double[][] {{200, -114}, {226, 205}});
        assertEquals(26, PureProfiles.candidates(lower).get(0).regret().value(), 1e-12);
        assertTrue(!PureProfiles.candidates(lower).get(0).isEquilibrium(THRESHOLD));
    }

    static final EmpiricalGame RPS = Games.symmetric(List.of("rock", "paper", "scissors"),
            new double[][] {{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}});

    @Test
    void rockPaperScissorsIsUniform() {
        assertEquals(0, Regret.of(RPS, MixedProfile.uniform(RPS.roles())).value());
        // Everyone on rock: paper pays 1 against it, rock 0.
        assertEquals(1, Regret.of(RPS, MixedProfile.pure(RPS.roles(), 0)).value());
        List<Candidate> eqs = ReplicatorSearch.defaults().equilibria(RPS, starts(RPS, 10), THRESHOLD);
        assertEquals(1, eqs.size());
        assertEquals("uniform", eqs.get(0).start());
        assertEquals(1.0 / 3, eqs.get(0).mixture().probability(0, 1), 1e-15);
    }

    @Test
    void hawkDoveSettlesAtVOverC() {
        // V = 2, C = 6: hawk against hawk (V − C)/2 = −2, hawk against dove V = 2, dove against dove V/2 = 1.
        EmpiricalGame hd = Games.symmetric(List.of("hawk", "dove"), new double[][] {{-2, 2}, {0, 1}});
        List<Candidate> cands = ReplicatorSearch.defaults().candidates(hd, starts(hd, 10));
        assertEquals(1, cands.size());
        assertEquals(1.0, cands.get(0).basin());
        assertTrue(cands.get(0).converged());
        assertEquals(2.0 / 6, cands.get(0).mixture().probability(0, 0), 1e-8);
        assertTrue(cands.get(0).regret().value() < 1e-8);
    }

    @Test
    void chitrasUnwindGameHasTheTwoPureEquilibriaZeroZeroAndOneOne() {
        // Chitra (arXiv 2512.01112, the Stackelberg–Nash appendix): two ADL-exposed winners unwind (1, cost f = 1) or
        // hold (0); forced ADL follows unless the unwinds X reach T = 1.5, i.e. unless both unwind, and then every
        // agent pays c = 5 whatever it chose. Payoffs are minus costs: (1,1) −1 each; (0,0) −5 each; the lone
        // unwinder −(f + c) = −6, the holder beside it −5.
        double f = 1;
        double c = 5;
        double[][] row = {{-c, -c}, {-(f + c), -f}};   // row strategy hold/unwind against column hold/unwind
        double[][] column = {{-c, -(f + c)}, {-c, -f}};
        EmpiricalGame unwind = Games.bimatrix(List.of("hold", "unwind"), List.of("hold", "unwind"), row, column);
        List<Candidate> eqs = SupportEnumeration.solve(unwind);
        assertEquals(3, eqs.size());
        assertProbabilities(eqs.get(0).mixture(), new double[] {1, 0}, new double[] {1, 0}, 0);   // (0, 0)
        assertProbabilities(eqs.get(1).mixture(), new double[] {0, 1}, new double[] {0, 1}, 0);   // (1, 1)
        // The mixed one: holding pays −5 whatever; unwinding −1·q − 6·(1 − q), equal at q = 1/5.
        assertProbabilities(eqs.get(2).mixture(), new double[] {0.8, 0.2}, new double[] {0.8, 0.2}, 1e-12);
        // (0, 0) is stable: deviating alone costs 1 + 5 = 6 > 5; so is (1, 1): deviating costs 5 > 1.
        assertEquals(0, Regret.of(unwind, MixedProfile.of(unwind.roles(), new double[] {1, 0}, new double[] {1, 0})).value());
        assertEquals(0, Regret.of(unwind, MixedProfile.of(unwind.roles(), new double[] {0, 1}, new double[] {0, 1})).value());
        // Replicator dynamics from the uniform start leaves the mixed point (1/5 unwinding) for (1, 1).
        List<Candidate> rd = ReplicatorSearch.defaults().equilibria(unwind, Starts.of(unwind.roles(), 0, 1), THRESHOLD);
        assertTrue(rd.stream().anyMatch(e -> e.start().equals("uniform") && e.mixture().probability(0, 1) == 1.0), rd.toString());
    }

    static List<Starts.Start> starts(EmpiricalGame g, int random) {
        return Starts.of(g.roles(), random, 20_240_613L);
    }

    static void assertProbabilities(MixedProfile m, double[] row, double[] column, double tol) {
        for (int s = 0; s < row.length; s++) {
            assertEquals(row[s], m.probability(0, s), tol, m.text());
        }
        for (int s = 0; s < column.length; s++) {
            assertEquals(column[s], m.probability(1, s), tol, m.text());
        }
    }
}
