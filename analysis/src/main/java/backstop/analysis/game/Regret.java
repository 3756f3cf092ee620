package backstop.analysis.game;

import java.util.List;

/**
 * The regret of a mixed profile: the most any one player gains by deviating alone, max over roles r and strategies s
 * of u_r(s, σ) − u_r(σ), with u_r(σ) = Σ_s σ_r(s) u_r(s, σ) and the payoffs from {@link DeviationPayoffs}. A role's
 * gain is summed as Σ_s σ_r(s) (max_t u_r(t, σ) − u_r(s, σ)), a sum of non-negative terms, so it is never below 0
 * by rounding. NaN, with the missing profiles named, when a deviation has not been simulated.
 */
public final class Regret {
    private final double value;
    private final double[] roleGains;
    private final double[][] deviationPayoffs;
    private final double[] mixturePayoffs;
    private final List<Profile> missing;

    private Regret(double value, double[] roleGains, double[][] deviationPayoffs, double[] mixturePayoffs,
                   List<Profile> missing) {
        this.value = value;
        this.roleGains = roleGains;
        this.deviationPayoffs = deviationPayoffs;
        this.mixturePayoffs = mixturePayoffs;
        this.missing = missing;
    }

    public static Regret of(EmpiricalGame game, MixedProfile mix) {
        return of(DeviationPayoffs.of(game), mix);
    }

    public static Regret of(DeviationPayoffs payoffs, MixedProfile mix) {
        DeviationPayoffs.At at = payoffs.at(mix);
        int roles = mix.roles().size();
        double[] gains = new double[roles];
        double[][] dev = new double[roles][];
        double[] mixed = new double[roles];
        double regret = 0;
        for (int r = 0; r < roles; r++) {
            int k = mix.roles().get(r).strategyCount();
            dev[r] = new double[k];
            double best = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < k; s++) {
                dev[r][s] = at.payoff(r, s);
                best = Math.max(best, dev[r][s]);      // NaN stays NaN through max
            }
            double gain = 0;
            double own = 0;
            for (int s = 0; s < k; s++) {
                double sigma = mix.probability(r, s);
                if (sigma > 0) {
                    gain += sigma * (best - dev[r][s]);
                    own += sigma * dev[r][s];
                }
            }
            gains[r] = gain;
            mixed[r] = own;
            regret = Double.isNaN(regret) || Double.isNaN(gain) ? Double.NaN : Math.max(regret, gain);
        }
        return new Regret(regret, gains, dev, mixed, at.missing());
    }

    /** The largest gain from a unilateral deviation; NaN when {@link #missing()} is not empty. */
    public double value() {
        return value;
    }

    /** Whether every deviation has a payoff. */
    public boolean known() {
        return missing.isEmpty();
    }

    /** Each role's best deviation gain, max_s u_r(s, σ) − u_r(σ). */
    public double roleGain(int role) {
        return roleGains[role];
    }

    /** u_r(s, σ): the expected payoff of one player of role r switching to s. */
    public double deviationPayoff(int role, int strategy) {
        return deviationPayoffs[role][strategy];
    }

    /** u_r(σ): the expected payoff of a player of role r who plays the mixture. */
    public double mixturePayoff(int role) {
        return mixturePayoffs[role];
    }

    /** Profiles the deviations need that the game has no payoff for, in profile order. */
    public List<Profile> missing() {
        return missing;
    }
}
