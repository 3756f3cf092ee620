package backstop.experiments.results;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code summary.json}: flat, snake_case metrics in a fixed order, amounts in quote units as decimals
 * (DESIGN.md §7). It leads with the loss decomposition ({@link LossTally}: {@code loss_borne} and its parts, then
 * {@code bad_debt}). Metrics are produced by name, so runs.csv, reports and charts need no per-metric code.
 */
public final class Summary {
    private Summary() {
    }

    /**
     * The summary of a run from its metrics, the PnL of each agent class, the cascade statistics and the
     * run's size; {@code wallSeconds} is the only timing field.
     */
    public static Map<String, Object> of(RunMetrics m, Map<String, Double> pnlByClass, int maxCascadeSize,
                                         int maxCascadeDepth, int accounts, double wallSeconds) {
        return of(m, pnlByClass, maxCascadeSize, maxCascadeDepth, Map.of(), accounts, wallSeconds);
    }

    /**
     * The same, with the chain's metrics of a world run ({@code gas_paid}, {@code tx_expired}, {@code tx_gas_unpaid},
     * {@code payoff_residual}, {@code keeper_calls}, {@code keeper_passes}, {@code keeper_participation}) after the protocol fees.
     */
    public static Map<String, Object> of(RunMetrics m, Map<String, Double> pnlByClass, int maxCascadeSize,
                                         int maxCascadeDepth, Map<String, Object> chain, int accounts,
                                         double wallSeconds) {
        Map<String, Object> s = new LinkedHashMap<>();
        m.losses().forEach((k, v) -> s.put(k, RunMetrics.units(v)));
        s.put("vault_pnl", RunMetrics.units(m.vaultPnl()));
        s.put("insolvent_accounts", m.insolventAccounts());
        s.put("insurance_fund_start", RunMetrics.units(m.insuranceStart == Long.MIN_VALUE ? 0 : m.insuranceStart));
        s.put("insurance_fund_end", RunMetrics.units(m.insuranceEnd));
        s.put("insurance_fund_min", RunMetrics.units(m.insuranceMin == Long.MAX_VALUE ? 0 : m.insuranceMin));
        s.put("adl_count", m.adlCount);
        s.put("adl_notional", RunMetrics.units(m.adlNotional));
        s.put("liquidation_count", m.liquidations);
        s.put("partial_liquidation_count", m.partialLiquidations);
        s.put("liquidated_notional", RunMetrics.units(m.liquidatedNotional));
        s.put("max_cascade_size", maxCascadeSize);
        s.put("max_cascade_depth", maxCascadeDepth);
        s.put("halt_count", m.haltCount);
        s.put("halted_seconds", m.haltedSeconds);
        s.put("exogenous_drawdown", m.exogenousDrawdown);
        s.put("mark_drawdown", m.markDrawdown);
        s.put("amplification", m.amplification());
        s.put("liquidator_pnl", pnlByClass.getOrDefault("liquidator", 0.0));
        s.put("market_maker_pnl", pnlByClass.getOrDefault("market_maker", 0.0));
        s.put("arbitrageur_pnl", pnlByClass.getOrDefault("arbitrageur", 0.0));
        s.put("trader_pnl", pnlByClass.getOrDefault("trader", 0.0));
        s.put("protocol_fees", RunMetrics.units(m.fees));
        s.putAll(chain);
        s.put("accounts", accounts);
        s.put("blocks", m.blocks);
        s.put("wall_seconds", wallSeconds);
        return s;
    }
}
