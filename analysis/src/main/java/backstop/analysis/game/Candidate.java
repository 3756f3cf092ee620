package backstop.analysis.game;

/**
 * A mixed profile a solver proposes, with its regret. An equilibrium is a candidate whose every deviation has been
 * simulated and whose regret is at most a threshold ({@link #isEquilibrium}).
 *
 * @param method    {@code replicator}, {@code pure} or {@code support-enumeration}
 * @param start     the first start that reached it (replicator), the profile (pure) or its supports (support enumeration)
 * @param basin     the share of starts that reached it; NaN for the other methods
 * @param converged whether the dynamics converged there (always true for the other methods)
 */
public record Candidate(String method, String start, double basin, boolean converged, MixedProfile mixture,
                        Regret regret) {

    public boolean isEquilibrium(double threshold) {
        return regret.known() && regret.value() <= threshold;
    }
}
