package backstop.experiments.study;

import backstop.analysis.Results;
import backstop.analysis.RunResults;
import backstop.experiments.config.ConfigException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import backstop.experiments.config.ConfigBinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The measures on a small hand-written run folder whose numbers are worked out below. */
class MeasuresTest {
    @TempDir
    Path tmp;

    /**
     * Three samples at blocks 1, 11 and 21, the index at 10 throughout; fills (tick 0.1) at blocks 1 (100 ticks),
     * 5 (105, then 110 in the same block) and 21 (121), and one in market 1 that must be ignored: the trade price at
     * the samples is 10, 11 and 12.1.
     */
    private RunResults run(String level) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(level));
        Files.writeString(dir.resolve("summary.json"), "{\"blocks\": 21}");
        Files.writeString(dir.resolve("manifest.json"), "{\"events\": \"" + level + "\", \"scenario_config\": {"
                + "\"sample_seconds\": 10, \"markets\": [{\"tick_size\": \"0.1\"}, {\"tick_size\": \"1\"}]}}");
        Files.writeString(dir.resolve("timeseries.csv"), """
                time,block,m-usd_index,m-usd_oracle,m-usd_mark,m-usd_spread_bps
                1.0,1.0,10,10,10,5
                11.0,11.0,10,10,10.2,NaN
                21.0,21.0,10,10.5,10.4,4
                """);
        Files.writeString(dir.resolve("events.jsonl"), String.join("\n",
                fill(1, 0, 100), fill(5, 0, 105), fill(5, 0, 110), fill(7, 1, 999), fill(21, 0, 121)) + "\n");
        return Results.load(dir);
    }

    private static String fill(long block, int market, long price) {
        return "{\"type\":\"fill\",\"id\":1,\"cause_id\":0,\"block\":" + block + ",\"market\":" + market + ",\"price\":"
                + price + ",\"size\":1}";
    }

    private static Measure measure(String name, String params) throws Exception {
        return Measures.create(name, (ObjectNode) ConfigBinder.mapper().readTree(params), "figures[0].simulated");
    }

    @Test
    void tradePricesAreTheLastFillAtEachSample() throws Exception {
        RunResults run = run("full");
        // |p / index − 1| = 0, 0.1, 0.21: mean 0.31 / 3.
        assertEquals(0.31 / 3, measure("index-gap", "{}").value(run), 1e-12);
        assertEquals(0.31 / 3, measure("index-gap", "{\"signed\": true}").value(run), 1e-12);
        // The mark: 0, 0.02, 0.04.
        assertEquals(0.06 / 3, measure("index-gap", "{\"price\": \"mark\"}").value(run), 1e-12);
        // Trade returns ln 1.1 twice: none is zero; oracle returns 0 then ln 1.05: half are.
        assertEquals(0, measure("zero-return-share", "{}").value(run));
        assertEquals(0.5, measure("zero-return-share", "{\"price\": \"oracle\"}").value(run));
        // At a 20 s horizon the samples are blocks 1 and 21: one return.
        assertEquals(0, measure("zero-return-share", "{\"price\": \"oracle\", \"horizon_seconds\": 20}").value(run) - 0);
        assertEquals(1.0 / 3, measure("one-sided-book-share", "{}").value(run), 1e-12);
        // Peaks over the first sample: trades 12.1 ÷ 10, the oracle 10.5 ÷ 10, the mark 10.4 ÷ 10, the index flat.
        assertEquals(0.21, measure("peak-rise", "{}").value(run), 1e-12);
        assertEquals(0.05, measure("peak-rise", "{\"price\": \"oracle\"}").value(run), 1e-12);
        assertEquals(0.04, measure("peak-rise", "{\"price\": \"mark\"}").value(run), 1e-12);
        assertEquals(0, measure("peak-rise", "{\"price\": \"index\"}").value(run));
        assertTrue(Double.isNaN(measure("excess-kurtosis", "{}").value(run)), "two returns have no kurtosis");
        assertTrue(measure("excess-kurtosis", "{}").needsFullEvents());
        assertFalse(measure("excess-kurtosis", "{\"price\": \"index\"}").needsFullEvents());
    }

    @Test
    void tradePricesNeedEveryFill() throws Exception {
        RunResults run = run("losses");
        ConfigException e = assertThrows(ConfigException.class, () -> measure("index-gap", "{}").value(run));
        assertTrue(e.getMessage().contains("only event level full keeps; this run was written at losses"), e.getMessage());
    }

    @Test
    void unknownMeasuresAndParamsAreRefusedNamingThem() {
        assertTrue(assertThrows(ConfigException.class, () -> measure("kurtosis", "{}")).getMessage()
                .startsWith("figures[0].simulated.measure: unknown measure 'kurtosis' (known: excess-kurtosis,"));
        String lag = assertThrows(ConfigException.class,
                () -> measure("abs-return-autocorrelation", "{\"lag\": 0}")).getMessage();
        assertTrue(lag.contains("figures[0].simulated.params: lag") && lag.contains("0"), lag);
        String unknown = assertThrows(ConfigException.class, () -> measure("index-gap", "{\"lags\": 3}")).getMessage();
        assertTrue(unknown.contains("figures[0].simulated.params") && unknown.contains("lags"), unknown);
        String none = assertThrows(ConfigException.class, () -> measure("excess-kurtosis", "{\"lag\": 3}")).getMessage();
        assertTrue(none.contains("params.lag: excess-kurtosis takes no such parameter"), none);
        String decay = assertThrows(ConfigException.class,
                () -> measure("abs-return-acf-decay", "{\"from\": 5, \"to\": 2}")).getMessage();
        assertEquals("figures[0].simulated: params.to: must be above from (5), got 2", decay);
    }
}
