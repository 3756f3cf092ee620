package backstop.analysis.game;

import java.util.List;

/**
 * Discrete-time replicator dynamics (Taylor and Jonker 1978): each role's probability of s is multiplied by the
 * shifted payoff of s against the current mixture and the role renormalised, x_r(s) ← x_r(s) ũ_r(s) / Σ_t x_r(t) ũ_r(t).
 * Payoffs are shifted to be positive by the role's smallest payoff in the game, less a slack of 1/1000 of the role's
 * payoff range (or 1/1000 when all are equal), so no strategy dies in one step. It has converged when no probability
 * moves by more than the tolerance in a step and no strategy still played grows by more than {@link #GROWTH} of itself
 * (a strategy of probability 1e-12 that doubles each step moves little, but the run is leaving that point); it stops
 * there or at the iteration cap, and probabilities below {@link #TRIM} are then set to 0. A played strategy's
 * probability never falls below {@link Double#MIN_NORMAL} during the run: with the small slack a losing strategy
 * shrinks a thousandfold a step, and once it underflowed to 0 every pure profile would look like a resting point.
 * A run converges to a rest point of the dynamics, which need not be an equilibrium (every pure profile is one):
 * its regret decides. It need not converge at all: around matching pennies or rock–paper–scissors it spirals out
 * towards the boundary and circles there, and the run says it did not converge.
 */
public final class ReplicatorDynamics {
    /** Share of a role's payoff range the shift leaves below its smallest payoff. */
    static final double SLACK = 1e-3;
    /** A step in which a played strategy still grows by more than this share of itself has not converged. */
    static final double GROWTH = 1e-6;
    /** End-point probabilities below this are taken for 0 (a strategy dying out, as the limit is). */
    public static final double TRIM = 1e-6;

    private final double tolerance;
    private final int maxIterations;

    public ReplicatorDynamics(double tolerance, int maxIterations) {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("replicator tolerance " + tolerance + " must be > 0");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("replicator iterations " + maxIterations + " must be ≥ 1");
        }
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** Tolerance 1e-10, at most 10,000 steps. */
    public static ReplicatorDynamics defaults() {
        return new ReplicatorDynamics(1e-10, 10_000);
    }

    /**
     * One run from {@code start}.
     *
     * @param converged whether it stopped at the tolerance rather than the cap (or a missing profile)
     * @param missing   profiles the run needed and the game lacks; the run stops at the first step that needs one
     */
    public record Run(MixedProfile start, MixedProfile end, int iterations, boolean converged, List<Profile> missing) {
    }

    public Run run(DeviationPayoffs payoffs, MixedProfile start) {
        return run(payoffs, start, null);
    }

    /** One run from {@code start}, adding to {@code path} (if not null) the start and the mixture after every step. */
    public Run run(DeviationPayoffs payoffs, MixedProfile start, List<MixedProfile> path) {
        List<Role> roles = start.roles();
        if (path != null) {
            path.add(start);
        }
        double[] offset = new double[roles.size()];
        for (int r = 0; r < roles.size(); r++) {
            double[] range = payoffs.payoffRange(r);
            double slack = range[1] > range[0] ? SLACK * (range[1] - range[0]) : SLACK;
            offset[r] = range[0] - slack;
        }
        MixedProfile x = start;
        for (int it = 1; it <= maxIterations; it++) {
            DeviationPayoffs.At at = payoffs.at(x);
            if (!at.missing().isEmpty()) {
                return new Run(start, x, it - 1, false, at.missing());
            }
            double[][] next = new double[roles.size()][];
            boolean growing = false;
            for (int r = 0; r < roles.size(); r++) {
                next[r] = x.probabilities(r);
                double sum = 0;
                for (int s = 0; s < next[r].length; s++) {
                    next[r][s] *= at.payoff(r, s) - offset[r];
                    sum += next[r][s];
                }
                for (int s = 0; s < next[r].length; s++) {
                    next[r][s] /= sum;
                    if (x.probability(r, s) > 0) {
                        next[r][s] = Math.max(next[r][s], Double.MIN_NORMAL);   // see the class comment
                    }
                    growing |= next[r][s] > x.probability(r, s) * (1 + GROWTH);
                }
            }
            MixedProfile moved = MixedProfile.of(roles, next);
            boolean still = moved.distance(x) <= tolerance && !growing;
            x = moved;
            if (path != null) {
                path.add(x);
            }
            if (still) {
                return new Run(start, trim(x), it, true, List.of());
            }
        }
        return new Run(start, trim(x), maxIterations, false, List.of());
    }

    private static MixedProfile trim(MixedProfile x) {
        double[][] p = new double[x.roles().size()][];
        for (int r = 0; r < p.length; r++) {
            p[r] = x.probabilities(r);
            double sum = 0;
            for (int s = 0; s < p[r].length; s++) {
                p[r][s] = p[r][s] < TRIM ? 0 : p[r][s];
                sum += p[r][s];
            }
            for (int s = 0; s < p[r].length; s++) {
                p[r][s] /= sum;
            }
        }
        return MixedProfile.of(x.roles(), p);
    }
}
