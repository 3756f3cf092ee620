package backstop.experiments.crash;

import backstop.protocol.money.Amounts;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a scripted crash produced. Amounts are quote micros; {@link #summary()} gives the snake_case form. */
public record CrashResult(String liquidationPolicy, long seed, int accounts, long blocks, long liquidationCount,
                          long liquidatedNotional, long badDebt, long uncoveredBadDebt, long insuranceFundStart,
                          long insuranceFundEnd, long insuranceFundMin, long insuranceDrawn, double exogenousDrawdown,
                          double markDrawdown, long ledgerTotal, long stateHash) {

    /** Flat metrics in snake_case, amounts as decimal quote units (the result contract of DESIGN.md §7). */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("liquidation_policy", liquidationPolicy);
        m.put("seed", seed);
        m.put("accounts", accounts);
        m.put("blocks", blocks);
        m.put("liquidation_count", liquidationCount);
        m.put("liquidated_notional", Amounts.toUnits(liquidatedNotional));
        m.put("bad_debt", Amounts.toUnits(badDebt));
        m.put("uncovered_bad_debt", Amounts.toUnits(uncoveredBadDebt));
        m.put("insurance_fund_start", Amounts.toUnits(insuranceFundStart));
        m.put("insurance_fund_end", Amounts.toUnits(insuranceFundEnd));
        m.put("insurance_fund_min", Amounts.toUnits(insuranceFundMin));
        m.put("insurance_drawn", Amounts.toUnits(insuranceDrawn));
        m.put("exogenous_drawdown", exogenousDrawdown);
        m.put("mark_drawdown", markDrawdown);
        m.put("ledger_total", ledgerTotal);
        m.put("state_hash", Long.toHexString(stateHash));
        return m;
    }
}
