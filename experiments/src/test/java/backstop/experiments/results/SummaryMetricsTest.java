package backstop.experiments.results;

import backstop.analysis.SummaryMetric;
import backstop.analysis.SummaryMetrics;
import backstop.experiments.Backstop;
import backstop.protocol.metric.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each summary key is declared by the meter that reports it; the run folder's metrics.json carries those declarations
 * in summary order, and analysis reads names, units and meanings from it.
 */
class SummaryMetricsTest {
    @Test
    void theRunDeclaresExactlyItsSummarysKeysAndAnalysisReadsThem(@TempDir Path tmp) throws Exception {
        RunResult r = Backstop.run("calm", "dydx-v4", 1, "duration_seconds=30");
        assertEquals(new ArrayList<>(r.summary().keySet()), r.metrics().stream().map(Metric::name).toList());
        RunFolder.write(tmp, r, Map.of());
        SummaryMetrics declared = SummaryMetrics.read(tmp);
        assertEquals(new ArrayList<>(r.summary().keySet()), declared.all().stream().map(SummaryMetric::name).toList(),
                "metrics.json lists the summary's keys in its order");
        for (SummaryMetric m : declared.all()) {
            assertFalse(m.description().isBlank(), m.name() + " has no meaning");
        }
        assertEquals("loss borne (quote)", declared.label("loss_borne"));
        assertEquals("adl count", declared.label("adl_count"));
        assertEquals("losses", declared.of("vault_pnl").orElseThrow().group());
        assertTrue(declared.of("halt_count").orElseThrow().perMarket());
        assertFalse(declared.of("partial_liquidation_count").orElseThrow().perMarket());
        assertEquals("some new metric", SummaryMetrics.NONE.label("some_new_metric"), "an undeclared name is its own label");
    }

    @Test
    void markets_csvHasExactlyThePerMarketMetricsInSummaryOrder() {
        RunResult r = Backstop.run("calm", "dydx-v4", 1, "duration_seconds=30");
        List<String> perMarket = r.metrics().stream().filter(Metric::perMarket).map(Metric::name).toList();
        assertEquals(perMarket, r.marketColumns());
        for (MarketRow row : r.markets()) {
            assertEquals(perMarket, List.copyOf(row.metrics().keySet()), row.market());
        }
    }
}
