package backstop.experiments.results;

import backstop.model.metrics.TimeSeries;
import backstop.model.metrics.ValueFlows;
import backstop.protocol.metric.Metric;

import java.util.List;
import java.util.Map;

/**
 * Everything one run produced, in memory: the summary (flat metrics by name) and the declaration of each of its
 * metrics (who reports it, its unit and meaning, in summary order), the sampled time series, the value-flow matrix,
 * one row per agent and one per market. Events were streamed to the run's sink.
 */
public record RunResult(String scenario, String design, long seed, Map<String, Object> summary, List<Metric> metrics,
                        TimeSeries timeseries, List<ValueFlows.Flow> flows, List<AgentRow> agents, List<MarketRow> markets,
                        long stateHash) {

    public RunResult {
        metrics = List.copyOf(metrics);
        checkDeclared(summary, metrics);
    }

    /** Refuses a summary whose keys are not {@code metrics}' names in their order. */
    public static void checkDeclared(Map<String, Object> summary, List<Metric> metrics) {
        if (!metrics.stream().map(Metric::name).toList().equals(List.copyOf(summary.keySet()))) {
            throw new IllegalArgumentException("the summary's keys " + summary.keySet() + " are not its declared metrics "
                    + metrics.stream().map(Metric::name).toList());
        }
    }

    /** The columns of {@code markets.csv} after {@code market}: the metrics reported per market, in summary order. */
    public List<String> marketColumns() {
        return metrics.stream().filter(Metric::perMarket).map(Metric::name).toList();
    }

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
