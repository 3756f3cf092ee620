package backstop.experiments.results;

import java.util.List;

/**
 * One market's line of {@code markets.csv}: the summary's per-market metrics (amounts in quote units), which add
 * up over the markets to the run's totals.
 */
public record MarketRow(String market, long liquidationCount, double liquidatedNotional, double badDebt,
                        double uncoveredBadDebt, double insuranceDrawn, double socializedLoss, long adlCount,
                        double adlNotional, long haltCount, double exogenousDrawdown, double markDrawdown,
                        double amplification) {

    /** The CSV header, in component order. */
    public static final List<String> COLUMNS = List.of("market", "liquidation_count", "liquidated_notional", "bad_debt",
            "uncovered_bad_debt", "insurance_drawn", "socialized_loss", "adl_count", "adl_notional", "halt_count",
            "exogenous_drawdown", "mark_drawdown", "amplification");

    /** The values, in {@link #COLUMNS} order. */
    public List<Object> values() {
        return List.of(market, liquidationCount, liquidatedNotional, badDebt, uncoveredBadDebt, insuranceDrawn,
                socializedLoss, adlCount, adlNotional, haltCount, exogenousDrawdown, markDrawdown, amplification);
    }
}
