package backstop.analysis.game;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where replicator dynamics starts: the uniform mixture; one skewed start per pure profile (each role puts
 * {@link #SKEW} on one strategy and shares the rest evenly); and seeded random mixtures, uniform on each role's simplex.
 */
public final class Starts {
    /** The heavy strategy's probability in a skewed start. */
    public static final double SKEW = 0.9;
    /** Random starts of the default search, besides the uniform and the skewed ones. */
    public static final int RANDOM = 20;
    /** The seed of the default search's random starts. */
    public static final long SEED = 20261203L;

    private Starts() {
    }

    /** A labelled starting mixture; the label goes into equilibria.csv's {@code start} column. */
    public record Start(String label, MixedProfile mixture) {
    }

    /** The starts {@code backstop game} searches from and its report draws: {@link #RANDOM} random ones with {@link #SEED}. */
    public static List<Start> defaults(List<Role> roles) {
        return of(roles, RANDOM, SEED);
    }

    /** Uniform, then the skewed starts in profile order, then {@code random} random starts drawn with {@code seed}. */
    public static List<Start> of(List<Role> roles, int random, long seed) {
        if (random < 0) {
            throw new IllegalArgumentException("random starts " + random + " must be ≥ 0");
        }
        List<Start> out = new ArrayList<>();
        out.add(new Start("uniform", MixedProfile.uniform(roles)));
        int[] heavy = new int[roles.size()];
        while (true) {
            double[][] p = new double[roles.size()][];
            StringBuilder label = new StringBuilder("skewed ");
            for (int r = 0; r < roles.size(); r++) {
                int k = roles.get(r).strategyCount();
                p[r] = new double[k];
                Arrays.fill(p[r], k == 1 ? 1 : (1 - SKEW) / (k - 1));
                p[r][heavy[r]] = k == 1 ? 1 : SKEW;
                label.append(r == 0 ? "" : "; ").append(roles.get(r).name()).append(": ")
                        .append(roles.get(r).strategies().get(heavy[r]));
            }
            out.add(new Start(label.toString(), MixedProfile.of(roles, p)));
            int r = roles.size() - 1;
            while (r >= 0 && ++heavy[r] == roles.get(r).strategyCount()) {
                heavy[r--] = 0;
            }
            if (r < 0) {
                break;
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 1; i <= random; i++) {
            double[][] p = new double[roles.size()][];
            for (int r = 0; r < roles.size(); r++) {
                p[r] = new double[roles.get(r).strategyCount()];
                double sum = 0;
                for (int s = 0; s < p[r].length; s++) {
                    p[r][s] = -Math.log(1 - rnd.nextDouble());     // exponential draws, normalised: flat Dirichlet
                    sum += p[r][s];
                }
                for (int s = 0; s < p[r].length; s++) {
                    p[r][s] /= sum;
                }
            }
            out.add(new Start("random " + i, MixedProfile.of(roles, p)));
        }
        return out;
    }
}
