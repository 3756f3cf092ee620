package backstop.analysis.metrics;

import backstop.analysis.metrics.SummaryMetric.Group;
import backstop.analysis.metrics.SummaryMetric.Unit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every key of a run's {@code summary.json}, in the order the summary writes them, with its group, unit and meaning:
 * the one place the summary printout, the reports and the GUI read names and units from. A test in experiments
 * checks that a run's summary has exactly these keys, in this order.
 */
public final class SummaryMetrics {
    private static final Map<String, SummaryMetric> BY_NAME = new LinkedHashMap<>();

    static {
        Group l = Group.LOSSES;
        add("loss_borne", l, Unit.QUOTE, "everything others than the defaulting accounts bear: the sum of the eight parts below");
        add("insurance_drawn", l, Unit.QUOTE, "realised deficits paid by insurance funds");
        add("vault_loss", l, Unit.QUOTE, "the backstop vault's loss, max(0, −vault_pnl): what it absorbed and lost on positions it took over");
        add("adl_haircut", l, Unit.QUOTE, "what deleveraged winners gave up against the margin price");
        add("socialized_loss", l, Unit.QUOTE, "realised deficits spread over accounts");
        add("funding_bump_loss", l, Unit.QUOTE, "realised deficits recovered through a funding-rate bump");
        add("uncovered_bad_debt", l, Unit.QUOTE, "realised deficits nobody named paid");
        add("open_insolvency", l, Unit.QUOTE, "Σ max(0, −equity) at the final oracle price of accounts still open");
        add("auction_shortfall", l, Unit.QUOTE, "what running auctions' unsold lots and pending shortfalls would leave uncovered");
        add("bad_debt", l, Unit.QUOTE, "realised deficits, whoever bore them");
        add("vault_absorbed", l, Unit.QUOTE, "realised deficits the backstop vault took");
        add("vault_pnl", l, Unit.QUOTE, "the backstop vault's equity change, net of its seed and its LPs' deposits");
        add("insolvent_accounts", l, Unit.COUNT, "accounts still open below zero equity at the end");
        Group f = Group.FUND;
        add("insurance_fund_start", f, Unit.QUOTE, "insurance funds at the start");
        add("insurance_fund_end", f, Unit.QUOTE, "insurance funds at the end");
        add("insurance_fund_min", f, Unit.QUOTE, "the lowest the insurance funds fell");
        Group q = Group.LIQUIDATIONS;
        add("adl_count", q, Unit.COUNT, "auto-deleveraging transfers");
        add("adl_notional", q, Unit.QUOTE, "notional deleveraged");
        add("liquidation_count", q, Unit.COUNT, "liquidation steps that closed something");
        add("partial_liquidation_count", q, Unit.COUNT, "of those, steps that closed part of a position");
        add("liquidated_notional", q, Unit.QUOTE, "notional closed by liquidations");
        add("max_cascade_size", q, Unit.COUNT, "liquidations in the largest cascade");
        add("max_cascade_depth", q, Unit.COUNT, "levels of the deepest cascade");
        Group m = Group.MARKET;
        add("halt_count", m, Unit.COUNT, "market halts");
        add("halted_seconds", m, Unit.SECONDS, "seconds during which at least one market was halted");
        add("exogenous_drawdown", m, Unit.FRACTION, "largest peak-to-trough fall of the exogenous price");
        add("mark_drawdown", m, Unit.FRACTION, "largest peak-to-trough fall of the mark price");
        add("amplification", m, Unit.RATIO, "mark drawdown ÷ exogenous drawdown");
        Group a = Group.AGENTS;
        add("liquidator_pnl", a, Unit.QUOTE, "keepers' payoffs");
        add("market_maker_pnl", a, Unit.QUOTE, "market makers' payoffs");
        add("arbitrageur_pnl", a, Unit.QUOTE, "arbitrageurs' payoffs, external-venue PnL included");
        add("trader_pnl", a, Unit.QUOTE, "traders' payoffs");
        add("protocol_fees", a, Unit.QUOTE, "trading fees on fills, net of maker rebates");
        Group c = Group.CHAIN;
        add("gas_paid", c, Unit.QUOTE, "gas paid to validators, net of refunds");
        add("tx_expired", c, Unit.COUNT, "transactions dropped past their last block");
        add("tx_gas_unpaid", c, Unit.COUNT, "transactions whose sender could not pay the gas");
        add("payoff_residual", c, Unit.QUOTE, "the payoff identity's residual: 0 unless value was created or destroyed");
        add("keeper_calls", c, Unit.COUNT, "liquidation calls keepers sent");
        add("keeper_passes", c, Unit.COUNT, "liquidatable accounts with a reward keepers passed over for gas, counted per wake");
        add("keeper_participation", c, Unit.FRACTION, "reward on accounts keepers called ÷ reward on those called or passed over");
        Group r = Group.RUN;
        add("accounts", r, Unit.COUNT, "accounts opened");
        add("blocks", r, Unit.COUNT, "blocks run");
        add("wall_seconds", r, Unit.SECONDS, "wall-clock time of the run (the one value that differs between replays)");
    }

    private SummaryMetrics() {
    }

    private static void add(String name, Group group, Unit unit, String description) {
        BY_NAME.put(name, new SummaryMetric(name, group, unit, description));
    }

    /** Every metric, in summary order. */
    public static List<SummaryMetric> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The metric of this key, if it is a summary metric. */
    public static Optional<SummaryMetric> of(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** A plain label with its unit for a summary key ("loss borne (quote)"); the key itself for any other name. */
    public static String label(String name) {
        return of(name).map(SummaryMetric::label).orElse(name);
    }
}
