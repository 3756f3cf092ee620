package backstop.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A folder's metrics.json is the catalogue; without it names are their own labels; a malformed entry is named. */
class SummaryMetricsReadTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheDeclarationsInOrder() throws IOException {
        SweepResults sweep = SweepResults.load(Fixtures.sweep(tmp));
        assertEquals(List.of("loss_borne", "bad_debt", "liquidated_notional", "max_cascade_size"),
                sweep.declared().all().stream().map(SummaryMetric::name).toList());
        assertEquals("loss borne (quote)", sweep.label("loss_borne"));
        assertEquals("count", sweep.declared().of("max_cascade_size").orElseThrow().unit());
        assertEquals("not declared", sweep.label("not_declared"));
    }

    @Test
    void aFolderWithoutTheFileHasNoDeclarations() {
        assertTrue(SummaryMetrics.read(tmp).all().isEmpty());
    }

    @Test
    void aMalformedEntryIsNamed() throws IOException {
        Fixtures.write(tmp.resolve("metrics.json"), "[{\"name\":\"x\",\"group\":3}]");
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> SummaryMetrics.read(tmp));
        assertTrue(e.getMessage().contains("metrics.json: a metric's 'group' must be text"), e.getMessage());
        Fixtures.write(tmp.resolve("metrics.json"), "{}");
        assertTrue(assertThrows(ResultFormatException.class, () -> SummaryMetrics.read(tmp)).getMessage()
                .contains("expected a JSON array of metrics"));
    }
}
