package backstop.analysis.metrics;

/**
 * One metric of a run's {@code summary.json}: its key, the group it is shown in, its unit and what it measures.
 *
 * @param name        the snake_case key in summary.json, runs.csv and comparison.csv
 * @param group       where it is shown
 * @param unit        its unit
 * @param description what it measures, in one sentence
 */
public record SummaryMetric(String name, Group group, Unit unit, String description) {
    /** The groups a run summary is shown in, in order. */
    public enum Group {
        LOSSES("losses borne by others than the defaulting accounts"),
        FUND("insurance fund"),
        LIQUIDATIONS("liquidations and deleveraging"),
        MARKET("market"),
        AGENTS("agents' payoffs"),
        CHAIN("chain and gas"),
        RUN("run");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** Units, as shown after a value. */
    public enum Unit {
        QUOTE("quote"),
        COUNT(""),
        FRACTION("fraction"),
        RATIO("ratio"),
        SECONDS("s");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        /** What is printed after a value ("" for plain counts). */
        public String symbol() {
            return symbol;
        }
    }

    /** A plain label for axes and tables: "loss borne (quote)". */
    public String label() {
        String plain = name.replace('_', ' ');
        return unit.symbol().isEmpty() ? plain : plain + " (" + unit.symbol() + ")";
    }
}
