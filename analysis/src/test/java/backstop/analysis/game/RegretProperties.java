package backstop.analysis.game;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regret on random complete games of one or two roles (1–3 players, 2–3 strategies, payoffs in [−10, 10]), each game
 * drawn from a jqwik-chosen seed; the property seed is pinned (the protocol tests' {@code Seeds.PINNED}).
 */
class RegretProperties {
    static final String PINNED = "20261202";

    @Property(tries = 300, seed = PINNED)
    void regretIsNeverNegative(@ForAll long gameSeed) {
        SplittableRandom rnd = new SplittableRandom(gameSeed);
        EmpiricalGame g = build(payoffs(roles(rnd), rnd));
        Regret regret = Regret.of(g, mixture(g.roles(), rnd));
        assertTrue(regret.known());
        double max = 0;
        for (int r = 0; r < g.roles().size(); r++) {
            assertTrue(regret.roleGain(r) >= 0, "role " + r + ": " + regret.roleGain(r));
            max = Math.max(max, regret.roleGain(r));
        }
        assertEquals(max, regret.value());
    }

    @Property(tries = 300, seed = PINNED)
    void aPureProfileThatIsAStrictBestResponseToItselfHasRegretZero(@ForAll long gameSeed) {
        SplittableRandom rnd = new SplittableRandom(gameSeed);
        List<Role> roles = roles(rnd);
        TreeMap<Profile, double[][]> pay = payoffs(roles, rnd);
        int[] pure = new int[roles.size()];
        for (int r = 0; r < roles.size(); r++) {
            pure[r] = rnd.nextInt(roles.get(r).strategyCount());
        }
        Profile self = Profile.pure(roles, pure);
        // Raise each role's payoff in its own pure profile above every unilateral deviation's.
        double[] bestDeviation = new double[roles.size()];
        for (int r = 0; r < roles.size(); r++) {
            bestDeviation[r] = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < roles.get(r).strategyCount(); t++) {
                if (t != pure[r]) {
                    bestDeviation[r] = Math.max(bestDeviation[r], pay.get(deviation(self, r, pure[r], t))[r][t]);
                }
            }
            pay.get(self)[r][pure[r]] = bestDeviation[r] + 0.01 + rnd.nextDouble();
        }
        MixedProfile mix = MixedProfile.pure(roles, pure);
        assertEquals(0, Regret.of(build(pay), mix).value());
        // Lower one role's payoff 0.25 below its best deviation: the regret is exactly that loss.
        int r = rnd.nextInt(roles.size());
        pay.get(self)[r][pure[r]] = bestDeviation[r] - 0.25;
        Regret lowered = Regret.of(build(pay), mix);
        assertEquals(0.25, lowered.value(), 1e-12);
        assertEquals(0.25, lowered.roleGain(r), 1e-12);
    }

    private static Profile deviation(Profile p, int role, int from, int to) {
        int[][] counts = new int[p.roles().size()][];
        for (int q = 0; q < counts.length; q++) {
            counts[q] = p.counts(q);
        }
        counts[role][from]--;
        counts[role][to]++;
        return Profile.of(p.roles(), counts);
    }

    private static List<Role> roles(SplittableRandom rnd) {
        List<Role> roles = new ArrayList<>();
        int n = 1 + rnd.nextInt(2);
        for (int r = 0; r < n; r++) {
            List<String> strategies = new ArrayList<>();
            for (int s = 0, k = 2 + rnd.nextInt(2); s < k; s++) {
                strategies.add("s" + s);
            }
            roles.add(new Role("r" + r, 1 + rnd.nextInt(3), strategies));
        }
        return roles;
    }

    private static TreeMap<Profile, double[][]> payoffs(List<Role> roles, SplittableRandom rnd) {
        TreeMap<Profile, double[][]> pay = new TreeMap<>();
        for (Profile p : Profile.all(roles)) {
            double[][] cells = new double[roles.size()][];
            for (int r = 0; r < roles.size(); r++) {
                cells[r] = new double[roles.get(r).strategyCount()];
                for (int s = 0; s < cells[r].length; s++) {
                    cells[r][s] = rnd.nextDouble(-10, 10);
                }
            }
            pay.put(p, cells);
        }
        return pay;
    }

    private static EmpiricalGame build(TreeMap<Profile, double[][]> pay) {
        EmpiricalGame.Builder b = EmpiricalGame.builder(pay.firstKey().roles());
        pay.forEach((p, cells) -> {
            for (int r = 0; r < cells.length; r++) {
                for (int s = 0; s < cells[r].length; s++) {
                    if (p.count(r, s) > 0) {
                        b.addSample(p, r, s, cells[r][s]);
                    }
                }
            }
        });
        return b.build();
    }

    /** Random weights per role, some of them 0 (never all). */
    private static MixedProfile mixture(List<Role> roles, SplittableRandom rnd) {
        double[][] p = new double[roles.size()][];
        for (int r = 0; r < roles.size(); r++) {
            p[r] = new double[roles.get(r).strategyCount()];
            double sum = 0;
            for (int s = 0; s < p[r].length; s++) {
                p[r][s] = rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble();
                sum += p[r][s];
            }
            if (sum == 0) {
                p[r][0] = sum = 1;
            }
            for (int s = 0; s < p[r].length; s++) {
                p[r][s] /= sum;
            }
        }
        return MixedProfile.of(roles, p);
    }
}
