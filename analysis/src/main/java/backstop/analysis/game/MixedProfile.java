package backstop.analysis.game;

import org.apache.commons.math3.util.CombinatoricsUtils;

import java.util.Arrays;
import java.util.List;

/**
 * A role-symmetric mixed profile: one probability per strategy per role, every player of a role drawing its strategy
 * from its role's distribution. Probabilities are ≥ 0 and each role's sum to 1 (within 1e-9, then rescaled exactly).
 */
public final class MixedProfile {
    private static final double SUM_TOLERANCE = 1e-9;
    private final List<Role> roles;
    private final double[][] p;

    private MixedProfile(List<Role> roles, double[][] p) {
        this.roles = roles;
        this.p = p;
    }

    /** One probability array per role, in the role's strategy order. */
    public static MixedProfile of(List<Role> roles, double[]... probabilities) {
        List<Role> rs = List.copyOf(roles);
        if (probabilities.length != rs.size()) {
            throw new IllegalArgumentException("mixture: " + probabilities.length + " arrays for " + rs.size() + " roles");
        }
        double[][] copy = new double[rs.size()][];
        for (int r = 0; r < rs.size(); r++) {
            Role role = rs.get(r);
            double[] q = probabilities[r];
            if (q.length != role.strategyCount()) {
                throw new IllegalArgumentException("mixture: role " + role.name() + " has " + role.strategyCount()
                        + " strategies, got " + q.length + " probabilities");
            }
            double sum = 0;
            for (int s = 0; s < q.length; s++) {
                if (!(q[s] >= 0) || Double.isInfinite(q[s])) {
                    throw new IllegalArgumentException("mixture: " + role.name() + ": " + role.strategies().get(s) + " "
                            + q[s] + " must be a probability ≥ 0");
                }
                sum += q[s];
            }
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                throw new IllegalArgumentException("mixture: " + role.name() + ": probabilities sum to " + sum + ", not 1");
            }
            copy[r] = new double[q.length];
            for (int s = 0; s < q.length; s++) {
                copy[r][s] = q[s] / sum;
            }
        }
        return new MixedProfile(rs, copy);
    }

    /** Every strategy of a role equally likely. */
    public static MixedProfile uniform(List<Role> roles) {
        double[][] q = new double[roles.size()][];
        for (int r = 0; r < roles.size(); r++) {
            q[r] = new double[roles.get(r).strategyCount()];
            Arrays.fill(q[r], 1.0 / q[r].length);
        }
        return of(roles, q);
    }

    /** Role r plays {@code strategies[r]} for sure. */
    public static MixedProfile pure(List<Role> roles, int... strategies) {
        double[][] q = new double[roles.size()][];
        for (int r = 0; r < roles.size(); r++) {
            q[r] = new double[roles.get(r).strategyCount()];
            q[r][strategies[r]] = 1;
        }
        return of(roles, q);
    }

    public List<Role> roles() {
        return roles;
    }

    public double probability(int role, int strategy) {
        return p[role][strategy];
    }

    /** One role's probabilities, a copy. */
    public double[] probabilities(int role) {
        return p[role].clone();
    }

    /**
     * The probability that the players of {@code profile} (a profile of these roles, with its own player counts),
     * each drawing a strategy from this mixture independently, form it: per role the multinomial coefficient times the
     * product of the probabilities, multiplied over roles.
     */
    public double probabilityOf(Profile profile) {
        double p = 1;
        for (int r = 0; r < profile.roles().size(); r++) {
            int left = profile.roles().get(r).players();
            for (int s = 0; s < profile.roles().get(r).strategyCount(); s++) {
                int k = profile.count(r, s);
                if (k > 0) {
                    p *= CombinatoricsUtils.binomialCoefficientDouble(left, k) * Math.pow(probability(r, s), k);
                    left -= k;
                }
            }
        }
        return p;
    }

    /** The largest difference of any one probability: how far apart two end points of replicator dynamics are. */
    public double distance(MixedProfile o) {
        double d = 0;
        for (int r = 0; r < p.length; r++) {
            for (int s = 0; s < p[r].length; s++) {
                d = Math.max(d, Math.abs(p[r][s] - o.p[r][s]));
            }
        }
        return d;
    }

    /** Like a profile's text, with probabilities and strategies of probability 0 left out. */
    public String text() {
        return text(String::valueOf);
    }

    /** {@link #text()} with every probability to {@code decimals} decimals, for people to read (files keep them whole). */
    public String text(int decimals) {
        return text(x -> String.format(java.util.Locale.ROOT, "%." + decimals + "f", x));
    }

    private String text(java.util.function.DoubleFunction<String> number) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < roles.size(); r++) {
            b.append(r == 0 ? "" : "; ").append(roles.get(r).name()).append(':');
            String sep = " ";
            for (int s = 0; s < p[r].length; s++) {
                if (p[r][s] > 0) {
                    b.append(sep).append(roles.get(r).strategies().get(s)).append(' ').append(number.apply(p[r][s]));
                    sep = ", ";
                }
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
