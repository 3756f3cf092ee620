/**
 * Empirical games: role-symmetric profiles and their estimated payoffs, the deviation-preserving reduction, and the
 * solvers (replicator dynamics, pure profiles, regret, support enumeration) with their {@code payoffs.csv} and {@code equilibria.csv}.
 * Pure computation on payoff estimates: it never runs the simulator and knows nothing of strategies' meaning.
 */
package backstop.analysis.game;
