package backstop.analysis.game;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicatorDynamicsTest {
    static final List<Role> ROLES = List.of(new Role("keepers", 3, List.of("aggressive", "moderate", "late")),
            new Role("makers", 2, List.of("stay", "withdraw")));

    @Test
    void startsAreUniformThenOneSkewedPerPureProfileThenSeededRandom() {
        List<Starts.Start> starts = Starts.of(ROLES, 4, 99);
        assertEquals(1 + 3 * 2 + 4, starts.size());
        assertEquals("uniform", starts.get(0).label());
        assertEquals("skewed keepers: moderate; makers: withdraw", starts.get(4).label());
        assertEquals(0.9, starts.get(4).mixture().probability(0, 1), 1e-15);
        assertEquals(0.05, starts.get(4).mixture().probability(0, 2), 1e-15);
        assertEquals(0.1, starts.get(4).mixture().probability(1, 0), 1e-15);
        assertEquals("random 4", starts.get(10).label());
        assertEquals(starts.get(10).mixture().text(), Starts.of(ROLES, 4, 99).get(10).mixture().text());
        assertTrue(starts.get(10).mixture().distance(Starts.of(ROLES, 4, 100).get(10).mixture()) > 0);
    }

    @Test
    void aRunStopsAtAMissingProfileAndNamesIt() {
        // The prisoner's dilemma without mutual cooperation: the uniform start needs it at once.
        EmpiricalGame pd = MatrixGamesTest.PD;
        Profile cc = Profile.pure(pd.roles(), 0, 0);
        EmpiricalGame.Builder b = EmpiricalGame.builder(pd.roles());
        for (Profile p : pd.profiles()) {
            if (!p.equals(cc)) {
                int i = p.count(0, 0) == 1 ? 0 : 1;
                int j = p.count(1, 0) == 1 ? 0 : 1;
                b.put(p, 0, i, pd.payoff(p, 0, i).orElseThrow()).put(p, 1, j, pd.payoff(p, 1, j).orElseThrow());
            }
        }
        EmpiricalGame partial = b.build();
        ReplicatorDynamics.Run run = ReplicatorDynamics.defaults().run(DeviationPayoffs.of(partial),
                MixedProfile.uniform(partial.roles()));
        assertFalse(run.converged());
        assertEquals(0, run.iterations());
        assertEquals(List.of(cc), run.missing());
        Candidate c = ReplicatorSearch.defaults().candidates(partial, List.of(new Starts.Start("uniform",
                MixedProfile.uniform(partial.roles())))).get(0);
        assertFalse(c.isEquilibrium(1));
        // Defect/defect's deviations are all simulated, so it is confirmed without mutual cooperation.
        Regret dd = Regret.of(partial, MixedProfile.pure(partial.roles(), 1, 1));
        assertTrue(dd.known());
        assertEquals(0, dd.value());
    }

    @Test
    void endPointsWithinTheToleranceAreOneCandidate() {
        EmpiricalGame pd = MatrixGamesTest.PD;
        List<Starts.Start> starts = Starts.of(pd.roles(), 20, 3);
        assertEquals(1, ReplicatorSearch.defaults().candidates(pd, starts).size());
        // Stopped after 3 steps, the runs have not reached defect/defect and are told apart.
        ReplicatorSearch early = new ReplicatorSearch(new ReplicatorDynamics(1e-10, 3), 1e-3);
        List<Candidate> cands = early.candidates(pd, starts);
        assertTrue(cands.size() > 1);
        assertFalse(cands.get(0).converged());
        assertEquals(1.0, cands.stream().mapToDouble(Candidate::basin).sum(), 1e-12);
    }
}
