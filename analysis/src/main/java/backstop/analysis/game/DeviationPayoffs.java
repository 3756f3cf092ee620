package backstop.analysis.game;

import org.apache.commons.math3.util.CombinatoricsUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The expected payoff of one player of role r playing s while the others (n_r − 1 of role r, n_q of each other role q)
 * draw their strategies independently from a mixture: the sum over the others' profiles of the multinomial probability
 * times the payoff of s in that profile. A profile the mixture reaches with positive probability but the game has no
 * payoff for is reported as missing, never dropped. The opponents' profiles are listed once, so evaluating many
 * mixtures (replicator dynamics) costs only their probabilities.
 */
public final class DeviationPayoffs {
    /** More opponent profiles than this means the game should be reduced first ({@link Dpr}). */
    static final long MAX_ENTRIES = 5_000_000;

    private final EmpiricalGame game;
    private final List<List<int[]>> others;      // per role: compositions of n_q players, then of n_q − 1
    private final List<List<int[]>> othersOfOwn;
    private final Entries[][] entries;           // per (role, strategy)

    private record Entries(int[][] index, double[] payoff, Profile[] profile) {
    }

    private DeviationPayoffs(EmpiricalGame game) {
        this.game = game;
        List<Role> roles = game.roles();
        others = new ArrayList<>();
        othersOfOwn = new ArrayList<>();
        for (Role role : roles) {
            others.add(Compositions.of(role.players(), role.strategyCount()));
            othersOfOwn.add(Compositions.of(role.players() - 1, role.strategyCount()));
        }
        entries = new Entries[roles.size()][];
        for (int r = 0; r < roles.size(); r++) {
            entries[r] = new Entries[roles.get(r).strategyCount()];
            for (int s = 0; s < entries[r].length; s++) {
                entries[r][s] = list(r, s);
            }
        }
    }

    public static DeviationPayoffs of(EmpiricalGame game) {
        return new DeviationPayoffs(game);
    }

    public EmpiricalGame game() {
        return game;
    }

    /** Every role's and strategy's expected payoff against {@code mix}, and the missing profiles the mixture reaches. */
    public At at(MixedProfile mix) {
        if (!mix.roles().equals(game.roles())) {
            throw new IllegalArgumentException("mixture " + mix + " is not of this game's roles " + game.roles());
        }
        double[][][] probability = new double[game.roles().size()][2][];
        for (int q = 0; q < game.roles().size(); q++) {
            probability[q][0] = probabilities(others.get(q), mix.probabilities(q));
            probability[q][1] = probabilities(othersOfOwn.get(q), mix.probabilities(q));
        }
        double[][] value = new double[entries.length][];
        List<List<List<Profile>>> missing = new ArrayList<>();
        for (int r = 0; r < entries.length; r++) {
            value[r] = new double[entries[r].length];
            missing.add(new ArrayList<>());
            for (int s = 0; s < entries[r].length; s++) {
                Entries e = entries[r][s];
                double sum = 0;
                List<Profile> lacking = new ArrayList<>();
                for (int i = 0; i < e.payoff.length; i++) {
                    double p = 1;
                    for (int q = 0; q < e.index[i].length && p >= 0; q++) {
                        double f = probability[q][q == r ? 1 : 0][e.index[i][q]];
                        p = f < 0 ? -1 : p * f;
                    }
                    if (p < 0) {
                        continue;                   // puts someone on a strategy the mixture never plays
                    }
                    if (Double.isNaN(e.payoff[i])) {
                        lacking.add(e.profile[i]);
                    } else {
                        sum += p * e.payoff[i];
                    }
                }
                value[r][s] = lacking.isEmpty() ? sum : Double.NaN;
                lacking.sort(null);
                missing.get(r).add(List.copyOf(lacking));
            }
        }
        return new At(value, missing);
    }

    /** The payoffs against one mixture: NaN where a needed profile is missing. */
    public static final class At {
        private final double[][] value;
        private final List<List<List<Profile>>> missing;

        At(double[][] value, List<List<List<Profile>>> missing) {
            this.value = value;
            this.missing = missing;
        }

        /** Expected payoff of one player of {@code role} deviating to {@code strategy}; NaN when a profile is missing. */
        public double payoff(int role, int strategy) {
            return value[role][strategy];
        }

        /** The profiles this payoff needs (positive probability) that the game has no payoff for, in profile order. */
        public List<Profile> missing(int role, int strategy) {
            return missing.get(role).get(strategy);
        }

        /** Every missing profile of every role and strategy, distinct and in profile order. */
        public List<Profile> missing() {
            TreeSet<Profile> all = new TreeSet<>();
            missing.forEach(role -> role.forEach(all::addAll));
            return List.copyOf(all);
        }
    }

    /** The smallest and largest payoff mean of a role in the game's data (replicator dynamics shifts by them). */
    double[] payoffRange(int role) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Entries e : entries[role]) {
            for (double x : e.payoff) {
                if (!Double.isNaN(x)) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        return new double[] {lo, hi};
    }

    /**
     * Probability of each composition of the others under one role's mixture; −1 (not a probability) when the
     * composition puts a player on a strategy of probability 0, so such profiles are neither summed nor missing.
     */
    private static double[] probabilities(List<int[]> compositions, double[] mix) {
        double[] out = new double[compositions.size()];
        for (int i = 0; i < out.length; i++) {
            int[] k = compositions.get(i);
            int left = 0;
            for (int c : k) {
                left += c;
            }
            double p = 1;
            for (int t = 0; t < k.length && p >= 0; t++) {
                if (k[t] > 0 && mix[t] == 0) {
                    p = -1;
                } else if (k[t] > 0) {
                    p *= CombinatoricsUtils.binomialCoefficientDouble(left, k[t]) * Math.pow(mix[t], k[t]);
                    left -= k[t];
                }
            }
            out[i] = p;
        }
        return out;
    }

    private Entries list(int role, int strategy) {
        List<Role> roles = game.roles();
        long size = 1;
        for (int q = 0; q < roles.size(); q++) {
            size *= (q == role ? othersOfOwn : others).get(q).size();
            if (size > MAX_ENTRIES) {
                throw new IllegalArgumentException("game too large to solve: more than " + MAX_ENTRIES
                        + " opponent profiles for one strategy; reduce it first (Dpr)");
            }
        }
        int[][] index = new int[(int) size][roles.size()];
        double[] payoff = new double[(int) size];
        Profile[] profile = new Profile[(int) size];
        int[] at = new int[roles.size()];
        for (int i = 0; i < size; i++) {
            int[][] counts = new int[roles.size()][];
            for (int q = 0; q < roles.size(); q++) {
                counts[q] = (q == role ? othersOfOwn : others).get(q).get(at[q]).clone();
            }
            counts[role][strategy]++;
            index[i] = at.clone();
            profile[i] = Profile.of(roles, counts);
            Optional<Payoff> p = game.payoff(profile[i], role, strategy);
            payoff[i] = p.map(Payoff::mean).orElse(Double.NaN);
            for (int q = roles.size() - 1; q >= 0; q--) {
                if (++at[q] < (q == role ? othersOfOwn : others).get(q).size()) {
                    break;
                }
                at[q] = 0;
            }
        }
        return new Entries(index, payoff, profile);
    }
}
