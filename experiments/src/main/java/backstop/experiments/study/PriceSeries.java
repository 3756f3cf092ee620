package backstop.experiments.study;

import backstop.analysis.RunResults;
import backstop.analysis.Table;
import backstop.experiments.config.ConfigException;
import backstop.experiments.scenario.ScenarioSpec;
import backstop.model.spec.Doc;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One market's price at every {@code horizon_seconds} of a run, read from its result files: the {@code index},
 * {@code oracle} or {@code mark} column of timeseries.csv, or the {@code trade} price — the last fill at or before
 * each sample's block, from the events file (every fill is kept only at event level {@code full}) — together with
 * the index at the same samples. The price measures of the stylized-facts study read their series through it.
 *
 * @param price which price: trade, mark, oracle or index
 * @param market the market's index in the scenario
 * @param horizonSeconds the sampling horizon: a multiple of the scenario's sample_seconds
 */
public record PriceSeries(
        @Doc(value = "the price: trade (the last fill at each sample, from the events file at level full), mark, oracle"
                + " or index (timeseries.csv columns)", absent = "trade") String price,
        @Doc(value = "the market's index in the scenario", range = "[0, ∞)", absent = "0") Integer market,
        @Doc(value = "the horizon of returns: a multiple of the scenario's sample_seconds", unit = "seconds",
                range = "(0, ∞)", absent = "the scenario's sample_seconds") Double horizonSeconds) {
    private static final List<String> PRICES = List.of("trade", "mark", "oracle", "index");

    public PriceSeries {
        price = price == null ? "trade" : price;
        market = market == null ? 0 : market;
    }

    /** Whether the series is read from the fills (which need event level full). */
    public boolean fromTrades() {
        return price.equals("trade");
    }

    /** Checks the price name, the market index and the horizon against {@code scenario}; errors name {@code where}. */
    public void check(ScenarioSpec scenario, String where) {
        if (!PRICES.contains(price)) {
            throw new ConfigException(where + ".price: must be one of " + String.join(", ", PRICES) + ", got '" + price + "'");
        }
        checkMarket(market, scenario, where);
        if (horizonSeconds != null) {
            double steps = horizonSeconds / scenario.sampleSeconds();
            if (Math.abs(steps - Math.rint(steps)) > 1e-9 || steps < 1) {
                throw new ConfigException(where + ".horizon_seconds: must be a multiple of the scenario's sample_seconds ("
                        + scenario.sampleSeconds() + "), got " + horizonSeconds);
            }
        }
    }

    /** Refuses a market index the scenario does not have, naming {@code where}.market. */
    static void checkMarket(int market, ScenarioSpec scenario, String where) {
        if (market >= scenario.markets().size()) {
            throw new ConfigException(where + ".market: the scenario has " + scenario.markets().size()
                    + " market(s), got " + market);
        }
    }

    /** The two series of a run, sample by sample: the chosen price and the index (NaN before a market's first trade). */
    public record Samples(double[] price, double[] index) {
        /** Log returns of the price between consecutive samples (a pair with a missing price is skipped). */
        public double[] returns() {
            return backstop.analysis.facts.StylizedFacts.logReturns(price);
        }
    }

    /** The run's samples at this horizon. */
    public Samples of(RunResults run) {
        Table ts = run.timeseries();
        String prefix = run.markets().get(market);
        double[] time = ts.column("time");
        double step = horizonSeconds != null ? horizonSeconds : run.manifest().path("scenario_config").path("sample_seconds").asDouble();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < time.length; i++) {
            double k = (time[i] - time[0]) / step;
            if (Math.abs(k - Math.rint(k)) < 1e-9) {
                rows.add(i);
            }
        }
        double[] index = pick(ts.column(prefix + "_index"), rows);
        double[] p = fromTrades() ? pick(trades(run, ts.column("block")), rows) : pick(ts.column(prefix + "_" + price), rows);
        return new Samples(p, index);
    }

    private static double[] pick(double[] column, List<Integer> rows) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column[rows.get(i)];
        }
        return out;
    }

    /** The last fill's price at or before each of {@code blocks} (ascending), in quote units; NaN before the first. */
    private double[] trades(RunResults run, double[] blocks) {
        if (!run.eventLevel().equals("full")) {
            throw new ConfigException(run.dir() + ": trade prices need every fill, which only event level full keeps;"
                    + " this run was written at " + run.eventLevel() + " (set the sweep's events: full)");
        }
        BigDecimal tick = new BigDecimal(run.manifest().path("scenario_config").path("markets").path(market)
                .path("tick_size").asText());
        double tickSize = tick.doubleValue();
        double[] out = new double[blocks.length];
        java.util.Arrays.fill(out, Double.NaN);
        double[] last = {Double.NaN};
        int[] next = {0};
        try (Stream<JsonNode> events = run.events()) {
            events.filter(e -> e.path("type").asText().equals("fill") && e.path("market").asInt() == market)
                    .forEachOrdered(e -> {
                        long block = e.path("block").asLong();
                        while (next[0] < blocks.length && blocks[next[0]] < block) {
                            out[next[0]++] = last[0];
                        }
                        last[0] = e.path("price").asLong() * tickSize;
                    });
        }
        while (next[0] < blocks.length) {
            out[next[0]++] = last[0];
        }
        return out;
    }
}
