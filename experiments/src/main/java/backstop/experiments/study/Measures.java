package backstop.experiments.study;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigException;
import backstop.experiments.config.ConfigReference;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The registry of {@link Measure}s by name. A measure's params are bound like any config: the keys of
 * {@link PriceSeries} (for a measure of a price series) go to the series, the rest to the measure's own parameters
 * record, so an unknown key or a value out of range is refused naming it.
 */
public final class Measures {
    /** One registered measure: what it computes, whether it reads a price series, its own parameters, its factory. */
    private record Entry(String summary, boolean series, Class<?> params, BiFunction<PriceSeries, Object, Measure> make) {
    }

    private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put("excess-kurtosis", new Entry("excess kurtosis of the price series' log returns", true, null,
                (s, p) -> new ExcessKurtosis(s)));
        REGISTRY.put("abs-return-autocorrelation", new Entry("autocorrelation of |log return| at one lag", true,
                AbsReturnAutocorrelation.Params.class, (s, p) -> new AbsReturnAutocorrelation(s, (AbsReturnAutocorrelation.Params) p)));
        REGISTRY.put("abs-return-acf-min", new Entry("least autocorrelation of |log return| over lags 1 to max_lag", true,
                AbsReturnAcfMin.Params.class, (s, p) -> new AbsReturnAcfMin(s, (AbsReturnAcfMin.Params) p)));
        REGISTRY.put("abs-return-acf-decay", new Entry("autocorrelation of |log return| at lag from minus at lag to", true,
                AbsReturnAcfDecay.Params.class, (s, p) -> new AbsReturnAcfDecay(s, (AbsReturnAcfDecay.Params) p)));
        REGISTRY.put("zero-return-share", new Entry("share of the price series' log returns that are exactly 0", true, null,
                (s, p) -> new ZeroReturnShare(s)));
        REGISTRY.put("index-gap", new Entry("mean |price ÷ index − 1| (signed: the premium)", true, IndexGap.Params.class,
                (s, p) -> new IndexGap(s, (IndexGap.Params) p)));
        REGISTRY.put("peak-rise", new Entry("the series' highest sample ÷ its first − 1 (the oracle: how far a pump moved it)",
                true, null, (s, p) -> new PeakRise(s)));
        REGISTRY.put("one-sided-book-share", new Entry("share of samples at which a side of the market's book was empty",
                false, OneSidedBookShare.Params.class, (s, p) -> new OneSidedBookShare((OneSidedBookShare.Params) p)));
    }

    private Measures() {
    }

    /** The registered names, in registry order. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** The measure {@code name} with {@code params} (null: every default); errors name {@code where}. */
    public static Measure create(String name, ObjectNode params, String where) {
        Entry e = REGISTRY.get(name);
        if (e == null) {
            throw new ConfigException(where + ".measure: unknown measure '" + name + "' (known: "
                    + String.join(", ", REGISTRY.keySet()) + ")");
        }
        ObjectNode all = params == null ? JsonNodeFactory.instance.objectNode() : params.deepCopy();
        ObjectNode series = JsonNodeFactory.instance.objectNode();
        if (e.series()) {
            for (String key : seriesKeys()) {
                if (all.has(key)) {
                    series.set(key, all.remove(key));
                }
            }
        }
        PriceSeries s = e.series() ? ConfigBinder.bind(series, PriceSeries.class, where + ".params") : null;
        Object own = null;
        if (e.params() != null) {
            own = ConfigBinder.bind(all, e.params(), where + ".params");
        } else if (all.size() > 0) {
            throw new ConfigException(where + ".params." + all.fieldNames().next() + ": " + name + " takes no such"
                    + " parameter (its parameters: " + String.join(", ", e.series() ? seriesKeys() : List.of()) + ")");
        }
        try {
            return e.make().apply(s, own);
        } catch (ConfigException c) {
            throw new ConfigException(c.problems().stream().map(p -> where + ": " + p).toList());
        }
    }

    /** The catalogue `backstop reference measures` prints: every measure, what it computes and its parameters. */
    public static List<String> catalogue() {
        List<String> out = new ArrayList<>();
        for (var e : REGISTRY.entrySet()) {
            out.add(e.getKey() + " — " + e.getValue().summary());
            List<String[]> keys = new ArrayList<>();
            if (e.getValue().series()) {
                ConfigReference.of(PriceSeries.class).forEach(l -> keys.add(l.split(" {2,}", 2)));
            }
            if (e.getValue().params() != null) {
                ConfigReference.of(e.getValue().params()).forEach(l -> keys.add(l.split(" {2,}", 2)));
            }
            int width = keys.stream().mapToInt(k -> k[0].length()).max().orElse(0);
            keys.forEach(k -> out.add(String.format("    params.%-" + width + "s  %s", k[0], k[1])));
        }
        return out;
    }

    private static List<String> seriesKeys() {
        return Arrays.stream(PriceSeries.class.getRecordComponents())
                .map(c -> new com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy().translate(c.getName()))
                .toList();
    }
}
