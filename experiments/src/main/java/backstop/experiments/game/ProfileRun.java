package backstop.experiments.game;

import java.util.Map;

/**
 * What one simulation of a profile gave: each played strategy's payoff per player (the mean over the players on it of
 * their payoff from the ledger, net of gas and fees, less the game's capital cost), and the run's summary.
 *
 * @param design  the design's name
 * @param profile role → strategy → players (strategies not played absent)
 * @param seed    the run's seed
 * @param payoffs role → strategy → mean payoff per player, quote units
 * @param summary the run's summary metrics, as summary.json has them but for wall_seconds
 */
public record ProfileRun(String design, Map<String, Map<String, Integer>> profile, long seed,
                         Map<String, Map<String, Double>> payoffs, Map<String, Object> summary) {
}
