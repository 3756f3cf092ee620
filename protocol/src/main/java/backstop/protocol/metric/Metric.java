package backstop.protocol.metric;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One number a run reports, declared by the part of the simulation that produces it: its key in {@code summary.json},
 * {@code runs.csv} and {@code comparison.csv}, the group it is shown in, its unit, whether {@code markets.csv} has it
 * per market, and what it measures. Producers keep their metrics as constants and report them through a {@link Meter}.
 *
 * @param name      snake_case key
 * @param group     where the run summary shows it
 * @param unit      its unit
 * @param perMarket whether each market (and the vault's row) of {@code markets.csv} has it
 * @param meaning   what it measures, in one sentence
 */
public record Metric(String name, Group group, Unit unit, boolean perMarket, String meaning) {
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    public Metric {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(unit, "unit");
        if (name == null || !SNAKE.matcher(name).matches()) {
            throw new IllegalArgumentException("a metric name must be snake_case, got " + name);
        }
        if (meaning == null || meaning.isBlank()) {
            throw new IllegalArgumentException("metric " + name + " has no meaning");
        }
    }

    /** A run-level metric (not in {@code markets.csv}). */
    public static Metric of(String name, Group group, Unit unit, String meaning) {
        return new Metric(name, group, unit, false, meaning);
    }

    /** A metric each market also reports in {@code markets.csv}. */
    public static Metric perMarket(String name, Group group, Unit unit, String meaning) {
        return new Metric(name, group, unit, true, meaning);
    }

    /** A plain label for axes and tables: "loss borne (quote)". */
    public String label() {
        String plain = name.replace('_', ' ');
        return unit.symbol().isEmpty() ? plain : plain + " (" + unit.symbol() + ")";
    }

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

        /** The heading the summary printout uses. */
        public String title() {
            return title;
        }
    }

    /** Units, as shown after a value. Amounts are in quote units in files, micro-units while a run reports them. */
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
}
