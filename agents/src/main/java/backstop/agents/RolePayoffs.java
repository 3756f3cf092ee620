package backstop.agents;

import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Metric;
import backstop.protocol.metric.Metric.Group;
import backstop.protocol.metric.Metric.Unit;
import backstop.protocol.metric.Readings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The summed payoffs of the agent roles a run summary reports, each agent's payoff as {@code Claims} values it (net of
 * gas and fees): keepers, market makers, arbitrageurs (external-venue PnL included) and traders. A role with no agents
 * reads 0. Vault LPs and the adversary are in {@code agents.csv}, not in the summary.
 */
public final class RolePayoffs implements Meter {
    private static final Map<AgentClass, Metric> REPORTED = reported();

    private static Map<AgentClass, Metric> reported() {
        Map<AgentClass, Metric> m = new LinkedHashMap<>();
        m.put(AgentClass.LIQUIDATOR, Metric.of("liquidator_pnl", Group.AGENTS, Unit.QUOTE, "keepers' payoffs"));
        m.put(AgentClass.MARKET_MAKER, Metric.of("market_maker_pnl", Group.AGENTS, Unit.QUOTE, "market makers' payoffs"));
        m.put(AgentClass.ARBITRAGEUR, Metric.of("arbitrageur_pnl", Group.AGENTS, Unit.QUOTE,
                "arbitrageurs' payoffs, external-venue PnL included"));
        m.put(AgentClass.TRADER, Metric.of("trader_pnl", Group.AGENTS, Unit.QUOTE, "traders' payoffs"));
        return m;
    }

    private final Supplier<Map<AgentClass, Double>> payoffs;

    /** Reads {@code payoffs} (quote units by role; roles absent read 0) when the summary is read. */
    public RolePayoffs(Supplier<Map<AgentClass, Double>> payoffs) {
        this.payoffs = payoffs;
    }

    @Override
    public List<Metric> metrics() {
        return List.copyOf(REPORTED.values());
    }

    @Override
    public void read(int scope, Readings out) {
        if (scope == RUN) {
            Map<AgentClass, Double> now = payoffs.get();
            REPORTED.forEach((role, metric) -> out.put(metric, now.getOrDefault(role, 0.0)));
        }
    }
}
