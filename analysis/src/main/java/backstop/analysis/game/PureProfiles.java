package backstop.analysis.game;

import java.util.ArrayList;
import java.util.List;

/**
 * Every role-symmetric pure profile (each role's players all on one strategy) as a candidate, with its regret. The
 * replicator search can miss a pure equilibrium whose basin is small — a profile that is a best reply to itself only
 * when nearly everyone plays it, like makers who all keep quoting through a crash while a lone one that stays takes
 * the whole flow — so each is checked directly: there are only ∏ strategies of them, and each needs only the profiles
 * of one deviation.
 */
public final class PureProfiles {
    /** The method name in equilibria.csv. */
    public static final String METHOD = "pure";

    private PureProfiles() {
    }

    /** One candidate per combination of a strategy per role, in the roles' strategy order (the first role slowest). */
    public static List<Candidate> candidates(EmpiricalGame game) {
        DeviationPayoffs payoffs = DeviationPayoffs.of(game);
        List<Role> roles = game.roles();
        List<Candidate> out = new ArrayList<>();
        int[] pick = new int[roles.size()];
        while (true) {
            MixedProfile mix = MixedProfile.pure(roles, pick.clone());
            out.add(new Candidate(METHOD, mix.text(), Double.NaN, true, mix, Regret.of(payoffs, mix)));
            int r = roles.size() - 1;
            while (r >= 0 && ++pick[r] == roles.get(r).strategyCount()) {
                pick[r] = 0;
                r--;
            }
            if (r < 0) {
                return out;
            }
        }
    }

    /** The candidates of {@link #candidates} not within {@code tolerance} of one of {@code found}. */
    public static List<Candidate> notAmong(EmpiricalGame game, List<Candidate> found, double tolerance) {
        return candidates(game).stream()
                .filter(c -> found.stream().noneMatch(f -> f.mixture().distance(c.mixture()) <= tolerance)).toList();
    }
}
