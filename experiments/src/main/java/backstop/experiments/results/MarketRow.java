package backstop.experiments.results;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code markets.csv}: a market's share of the run's loss decomposition and its other per-market metrics
 * (amounts in quote units). Summed over the rows — the markets and the {@link LossTally#VAULT_ROW vault's} row — every
 * amount and count adds up to the run's total in {@code summary.json}.
 *
 * @param market  the market's symbol, or {@code (vault)}
 * @param metrics by column name, in {@link #COLUMNS} order (without {@code market})
 */
public record MarketRow(String market, Map<String, Object> metrics) {

    /** The CSV header. */
    public static final List<String> COLUMNS = columns();

    private static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("market"));
        c.addAll(LossTally.NAMES);
        c.addAll(List.of("liquidation_count", "liquidated_notional", "adl_count", "adl_notional", "halt_count",
                "exogenous_drawdown", "mark_drawdown", "amplification"));
        return List.copyOf(c);
    }

    public MarketRow {
        metrics = Map.copyOf(metrics);
        if (!metrics.keySet().equals(new HashSet<>(COLUMNS.subList(1, COLUMNS.size())))) {
            throw new IllegalArgumentException("market row " + market + ": columns " + metrics.keySet()
                    + " are not " + COLUMNS.subList(1, COLUMNS.size()));
        }
    }

    /** The values, in {@link #COLUMNS} order. */
    public List<Object> values() {
        List<Object> v = new ArrayList<>();
        v.add(market);
        for (String c : COLUMNS.subList(1, COLUMNS.size())) {
            v.add(metrics.get(c));
        }
        return v;
    }

    /** One value by column name. */
    public Object get(String column) {
        return column.equals("market") ? market : metrics.get(column);
    }
}
