package backstop.analysis.game;

import java.util.ArrayList;
import java.util.List;

/**
 * Replicator dynamics from many starts ({@link Starts}); end points within {@code tolerance} of an earlier one are
 * the same candidate, whose basin is the share of starts that reached it. Every candidate gets its regret.
 */
public final class ReplicatorSearch {
    /** The method name in equilibria.csv. */
    public static final String METHOD = "replicator";
    /** The default distance within which two end points are one candidate. */
    public static final double TOLERANCE = 1e-3;

    private final ReplicatorDynamics dynamics;
    private final double tolerance;

    /** {@code tolerance}: largest probability difference between end points taken for one candidate. */
    public ReplicatorSearch(ReplicatorDynamics dynamics, double tolerance) {
        this.dynamics = dynamics;
        this.tolerance = tolerance;
    }

    /** Default dynamics, end points within 1e-3 merged. */
    public static ReplicatorSearch defaults() {
        return new ReplicatorSearch(ReplicatorDynamics.defaults(), TOLERANCE);
    }

    /** Every distinct end point, in the order of the first start reaching it. */
    public List<Candidate> candidates(EmpiricalGame game, List<Starts.Start> starts) {
        DeviationPayoffs payoffs = DeviationPayoffs.of(game);
        List<ReplicatorDynamics.Run> first = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<int[]> reached = new ArrayList<>();                  // {starts reaching it, of which converged}
        for (Starts.Start start : starts) {
            ReplicatorDynamics.Run run = dynamics.run(payoffs, start.mixture());
            int same = -1;
            for (int i = 0; i < first.size() && same < 0; i++) {
                if (first.get(i).end().distance(run.end()) <= tolerance) {
                    same = i;
                }
            }
            if (same < 0) {
                first.add(run);
                labels.add(start.label());
                reached.add(new int[] {0, 0});
                same = first.size() - 1;
            }
            reached.get(same)[0]++;
            reached.get(same)[1] += run.converged() ? 1 : 0;
        }
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            MixedProfile end = first.get(i).end();
            out.add(new Candidate(METHOD, labels.get(i), reached.get(i)[0] / (double) starts.size(),
                    reached.get(i)[1] == reached.get(i)[0], end, Regret.of(payoffs, end)));
        }
        return out;
    }

    /** The candidates that are equilibria at {@code threshold}. */
    public List<Candidate> equilibria(EmpiricalGame game, List<Starts.Start> starts, double threshold) {
        return candidates(game, starts).stream().filter(c -> c.isEquilibrium(threshold)).toList();
    }
}
