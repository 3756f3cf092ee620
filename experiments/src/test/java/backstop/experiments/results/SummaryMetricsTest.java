package backstop.experiments.results;

import backstop.analysis.metrics.SummaryMetric;
import backstop.analysis.metrics.SummaryMetrics;
import backstop.experiments.Backstop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The metric catalogue names every key a run's summary writes, in the summary's order, each with a meaning. */
class SummaryMetricsTest {
    @Test
    void theCatalogueIsExactlyTheSummarysKeysInOrder() {
        RunResult r = Backstop.run("calm", "dydx-v4", 1, "duration_seconds=30");
        List<String> catalogued = SummaryMetrics.all().stream().map(SummaryMetric::name).toList();
        assertEquals(new ArrayList<>(r.summary().keySet()), catalogued,
                "a summary metric was added, removed or moved: describe it in analysis' SummaryMetrics");
        for (SummaryMetric m : SummaryMetrics.all()) {
            assertFalse(m.description().isBlank(), m.name() + " has no meaning");
        }
        assertEquals("loss borne (quote)", SummaryMetrics.label("loss_borne"));
        assertEquals("adl count", SummaryMetrics.label("adl_count"));
    }
}
