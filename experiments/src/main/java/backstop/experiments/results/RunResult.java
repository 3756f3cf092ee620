package backstop.experiments.results;

import backstop.experiments.results.MarketRow;
import backstop.model.metrics.TimeSeries;
import backstop.model.metrics.ValueFlows;

import java.util.List;
import java.util.Map;

/**
 * Everything one run produced, in memory: the summary (flat metrics by name), the sampled time series, the
 * value-flow matrix, one row per agent and one per market. Events were streamed to the run's sink.
 */
public record RunResult(String scenario, String design, long seed, Map<String, Object> summary, TimeSeries timeseries,
                        List<ValueFlows.Flow> flows, List<AgentRow> agents, List<MarketRow> markets, long stateHash) {

    /** One agent's outcome. */
    public record AgentRow(int id, String population, String agentClass, int account, double capital, double payoff,
                           double gasPaid, long submitted, long orders, long failed) {
    }

    /** A summary metric by name, as a double. */
    public double metric(String name) {
        Object v = summary.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no metric '" + name + "'; metrics: " + summary.keySet());
        }
        return ((Number) v).doubleValue();
    }
}
