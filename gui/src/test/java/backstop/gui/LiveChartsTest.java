package backstop.gui;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import sim.util.media.chart.TimeSeriesChartGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live loss chart leads with the run's loss_borne and ends where summary.json does. */
class LiveChartsTest {
    /** Black Thursday compressed to one hour (CompressedScenarios' overrides), sampled every minute. */
    private static final String BLACK_THURSDAY_HOUR = "markets[0].process.start=150; markets[0].process.duration=2700; "
            + "episodes[0].start=150; episodes[0].end=2850; sample_seconds=60";

    @Test
    void theLossChartLeadsWithLossBorneAndEndsAtTheSummary() {
        GuiParameters p = new GuiParameters();
        p.scenarioName("black-thursday-2020");
        p.presetName("hyperliquid");
        p.setSeed(1);
        p.durationSeconds(3600);
        p.setScenarioOverrides(BLACK_THURSDAY_HOUR);
        BackstopWithUI gui = new BackstopWithUI(p);
        gui.start();
        while (gui.run().step()) {
            // play to the last block
        }
        gui.refresh();
        TimeSeriesChartGenerator chart = gui.charts().charts().stream()
                .filter(c -> c.getTitle().equals(LiveCharts.LOSS_CHART)).findFirst().orElseThrow();
        XYSeriesCollection data = (XYSeriesCollection) chart.getSeriesDataset();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            names.add(data.getSeries(i).getKey().toString());
        }
        assertEquals(List.of("loss borne", "bad debt", "insurance fund"), names);
        Map<String, Object> summary = gui.run().result(0).summary();
        XYSeries borne = data.getSeries(0);
        XYSeries badDebt = data.getSeries(1);
        double last = borne.getY(borne.getItemCount() - 1).doubleValue();
        assertEquals(((Number) summary.get("loss_borne")).doubleValue(), last, 0, "the last point is summary.json's");
        assertEquals(((Number) summary.get("bad_debt")).doubleValue(),
                badDebt.getY(badDebt.getItemCount() - 1).doubleValue(), 0);
        assertTrue(last > 1_000_000, "the vault's takeover losses show although bad debt is "
                + summary.get("bad_debt") + ": " + last);
        assertEquals(3600, borne.getX(borne.getItemCount() - 1).doubleValue(), 0, "to the run's last block");
    }

    @Test
    void thePriceAxisSpansThePricesAndAZeroLineGetsAReadableAxis() {
        LiveCharts charts = new LiveCharts("BTC-USD");
        var prices = (org.jfree.chart.axis.NumberAxis) charts.charts().get(0).getChart().getXYPlot().getRangeAxis();
        assertTrue(!prices.getAutoRangeIncludesZero(), "a 20% fall must not look flat");
        var funding = (org.jfree.chart.axis.NumberAxis) charts.charts().get(4).getChart().getXYPlot().getRangeAxis();
        assertEquals("Funding rate", charts.charts().get(4).getTitle());
        assertEquals(1e-4, funding.getAutoRangeMinimumSize(), 0, "0 throughout is drawn on ±0.005%, not ±4E-9");
        var liquidations = (org.jfree.chart.axis.NumberAxis) charts.charts().get(3).getChart().getXYPlot().getRangeAxis();
        assertTrue(liquidations.getAutoRangeIncludesZero());
        assertEquals(1, liquidations.getAutoRangeMinimumSize(), 0);
    }
}
