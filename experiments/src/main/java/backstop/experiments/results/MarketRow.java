package backstop.experiments.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code markets.csv}: a market's share of the run's loss decomposition and its other per-market metrics
 * (amounts in quote units), as the run's meters report them per market. Summed over the rows — the markets and the
 * {@link LossTally#VAULT_ROW vault's} row — every amount and count adds up to the run's total in {@code summary.json}.
 *
 * @param market  the market's symbol, or {@code (vault)}
 * @param metrics by column name, in the run's per-market metric order (without {@code market})
 */
public record MarketRow(String market, Map<String, Object> metrics) {

    public MarketRow {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The values of {@code columns} (the header after {@code market}), with the market first. */
    public List<Object> values(List<String> columns) {
        if (!columns.equals(List.copyOf(metrics.keySet()))) {
            throw new IllegalArgumentException("market row " + market + ": columns " + metrics.keySet() + " are not " + columns);
        }
        List<Object> v = new ArrayList<>();
        v.add(market);
        v.addAll(metrics.values());
        return v;
    }

    /** One value by column name. */
    public Object get(String column) {
        return column.equals("market") ? market : metrics.get(column);
    }
}
