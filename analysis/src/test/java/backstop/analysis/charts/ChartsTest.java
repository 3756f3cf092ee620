package backstop.analysis.charts;

import backstop.analysis.Fixtures;
import backstop.analysis.Flow;
import backstop.analysis.Results;
import backstop.analysis.RunResults;
import backstop.analysis.SweepResults;
import backstop.analysis.Table;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {
    private static final int LIQUIDATION_RED = 0xd62728;

    @TempDir
    Path tmp;

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(img != null, "not a PNG");
        return img;
    }

    /** Variance of the grey level over all pixels: 0 for a blank image. */
    static double variance(BufferedImage img) {
        double sum = 0;
        double sq = 0;
        int n = img.getWidth() * img.getHeight();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                double g = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3.0;
                sum += g;
                sq += g * g;
            }
        }
        double mean = sum / n;
        return sq / n - mean * mean;
    }

    static boolean hasColour(BufferedImage img, int rgb) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    static BufferedImage assertDrawn(byte[] png, int width, int height) throws IOException {
        BufferedImage img = decode(png);
        assertEquals(width, img.getWidth());
        assertEquals(height, img.getHeight());
        assertTrue(variance(img) > 100, "blank image, variance " + variance(img));
        return img;
    }

    @Test
    void varianceMeasureIsZeroForABlankImage() {
        BufferedImage blank = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        assertEquals(0, variance(blank));
    }

    @Test
    void priceChartMarksSamplesWithLiquidations() throws IOException {
        Table ts = Results.load(Fixtures.run(tmp)).timeseries();
        BufferedImage img = assertDrawn(PriceChart.png(ts, "eth-usd", 640, 400), 640, 400);
        assertTrue(hasColour(img, LIQUIDATION_RED));
        assertEquals(4, PriceChart.of(ts, "eth-usd").getXYPlot().getDataset().getSeriesCount());
        // One sample (the third) saw the cumulative count rise: one marker, at that sample's mark price.
        var markers = PriceChart.of(ts, "eth-usd").getXYPlot().getDataset();
        assertEquals(1, markers.getItemCount(3));
        assertEquals(2.0, markers.getXValue(3, 0), 1e-12);
        assertEquals(78.0, markers.getYValue(3, 0), 1e-12);
    }

    @Test
    void priceChartWithoutLiquidationsHasNoMarkers() throws IOException {
        Table ts = new Table("t", List.of("time", "m_index", "m_oracle", "m_mark", "liquidations"), List.of(
                new String[] {"0", "100", "100", "100", "0"}, new String[] {"300", "101", "100.5", "101", "0"},
                new String[] {"600", "99", "100", "98", "0"}));
        BufferedImage img = assertDrawn(PriceChart.png(ts, "m", 500, 300), 500, 300);
        assertFalse(hasColour(img, LIQUIDATION_RED));
        assertEquals(3, PriceChart.of(ts, "m").getXYPlot().getDataset().getSeriesCount());
    }

    @Test
    void fundChartLeadsWithLossBorne() throws IOException {
        Table ts = new Table("t", List.of("time", "insurance_fund", "bad_debt", "loss_borne"), List.of(
                new String[] {"0", "1000", "0", "0"}, new String[] {"3600", "990", "10", "25"},
                new String[] {"7200", "990", "10", "40"}));
        assertDrawn(FundChart.png(ts, 700, 350), 700, 350);
        var data = FundChart.of(ts).getXYPlot().getDataset();
        assertEquals(3, data.getSeriesCount());
        assertEquals(List.of("loss borne", "bad debt", "insurance fund"),
                List.of(data.getSeriesKey(0), data.getSeriesKey(1), data.getSeriesKey(2)));
        assertEquals(40, data.getYValue(0, 2), 0);
        assertEquals(2, data.getXValue(0, 2), 0, "hours");
    }

    @Test
    void fundChartOfAnOldTimeSeriesHasBadDebtAndTheFund() throws IOException {
        Table ts = Results.load(Fixtures.run(tmp)).timeseries();
        assertDrawn(FundChart.png(ts, 700, 350), 700, 350);
        JFreeChart chart = FundChart.of(ts);
        assertEquals(2, chart.getXYPlot().getDataset().getSeriesCount());
        assertTrue(chart.getTitle().getText().contains("no loss_borne column"), chart.getTitle().getText());
    }

    @Test
    void cascadeSizeChartHasOneBarPerSize() throws IOException {
        TreeMap<Integer, Integer> dist = new TreeMap<>(Map.of(1, 7, 2, 3, 12, 1));
        assertDrawn(CascadeSizeChart.png(dist, 600, 300), 600, 300);
        var data = CascadeSizeChart.of(dist).getCategoryPlot().getDataset();
        assertEquals(List.of(1, 2, 12), data.getColumnKeys());
        assertEquals(7, data.getValue(0, 0).intValue());
    }

    @Test
    void designComparisonShowsEveryRunAndAMeanWithABootstrapIntervalInsideTheValuesSeen() throws IOException {
        SweepResults sweep = SweepResults.load(Fixtures.sweep(tmp));
        assertDrawn(DesignComparisonChart.png(sweep, "bad_debt", 600, 400), 600, 400);
        var plot = DesignComparisonChart.of(sweep, "bad_debt").getXYPlot();
        var means = (org.jfree.data.xy.YIntervalSeriesCollection) plot.getDataset(0);
        // base: 10 and 30 → mean 20; a t interval would be 20 ± 127.06 (down to −107); the bootstrap one stays in [10, 30].
        assertEquals(20, means.getYValue(0, 0), 1e-12);
        assertTrue(means.getStartYValue(0, 0) >= 10 && means.getEndYValue(0, 0) <= 30,
                means.getStartYValue(0, 0) + " … " + means.getEndYValue(0, 0));
        assertTrue(means.getStartYValue(0, 0) < 20 && means.getEndYValue(0, 0) > 20, "an interval, not a point");
        // vault: 5, 1, 2 → mean 8/3, interval within [1, 5].
        assertEquals(8 / 3.0, means.getYValue(0, 1), 1e-12);
        assertTrue(means.getStartYValue(0, 1) >= 1 && means.getEndYValue(0, 1) <= 5);
        var dots = plot.getDataset(1);
        assertEquals(5, dots.getItemCount(0), "one dot per run");
        assertEquals(List.of("base", "vault"), List.of(((org.jfree.chart.axis.SymbolAxis) plot.getDomainAxis()).getSymbols()));
        assertEquals(DesignComparisonChart.estimate(new double[]{10, 30}), DesignComparisonChart.estimate(new double[]{10, 30}),
                "a fixed seed: the same runs, the same interval");
    }

    @Test
    void forestPlotPutsTheFirstDesignOnTopWithItsIntervalAndAZeroLine() throws IOException {
        List<ForestChart.Row> rows = List.of(new ForestChart.Row("a", -5, -9, -1), new ForestChart.Row("b", 2, -1, 5));
        assertDrawn(ForestChart.png(rows, "loss borne (quote)", "none", 600, 300), 600, 300);
        var plot = ForestChart.of(rows, "loss borne (quote)", "none").getXYPlot();
        assertEquals(org.jfree.chart.plot.PlotOrientation.HORIZONTAL, plot.getOrientation());
        var data = (org.jfree.data.xy.YIntervalSeriesCollection) plot.getDataset();
        // Row 0 ("a") is drawn at the top: position 1 of 2; its interval −9 … −1 lies left of 0.
        assertEquals(1, data.getXValue(0, 0), 0);
        assertEquals(-5, data.getYValue(0, 0), 0);
        assertEquals(-9, data.getStartYValue(0, 0), 0);
        assertEquals(-1, data.getEndYValue(0, 0), 0);
        assertEquals(List.of("b", "a"), List.of(((org.jfree.chart.axis.SymbolAxis) plot.getDomainAxis()).getSymbols()));
        var markers = plot.getRangeMarkers(org.jfree.ui.Layer.FOREGROUND);
        assertEquals(1, markers.size(), "the line at 0");
        assertEquals(0, ((org.jfree.chart.plot.ValueMarker) markers.iterator().next()).getValue(), 0);
    }

    @Test
    void lossDecompositionStacksTheMeanOfEachPartAndLeavesOutPartsThatAreZeroEverywhere() throws IOException {
        Files.writeString(tmp.resolve("runs.csv"), """
                run_id,design,seed,loss_borne,insurance_drawn,vault_loss,adl_haircut,socialized_loss,funding_bump_loss,uncovered_bad_debt,open_insolvency,auction_shortfall
                a-1,a,1,10,4,0,6,0,0,0,0,0
                a-2,a,2,30,10,0,0,0,0,0,20,0
                b-1,b,1,3,3,0,0,0,0,0,0,0
                b-2,b,2,0,0,0,0,0,0,0,0,0
                """);
        SweepResults sweep = SweepResults.load(tmp);
        assertTrue(LossDecompositionChart.applies(sweep));
        var data = LossDecompositionChart.means(sweep);
        assertEquals(List.of("insurance drawn", "adl haircut", "open insolvency"), data.getRowKeys());
        assertEquals(7, data.getValue("insurance drawn", "a").doubleValue(), 1e-12);
        assertEquals(3, data.getValue("adl haircut", "a").doubleValue(), 1e-12);
        assertEquals(10, data.getValue("open insolvency", "a").doubleValue(), 1e-12);
        assertEquals(1.5, data.getValue("insurance drawn", "b").doubleValue(), 1e-12);
        // The stack of a design is its mean loss_borne: (10 + 30) / 2 = 7 + 3 + 10.
        assertDrawn(LossDecompositionChart.png(sweep, 600, 300), 600, 300);
        assertFalse(LossDecompositionChart.applies(SweepResults.load(Fixtures.sweep(tmp.resolve("old")))));
    }

    @Test
    void ecdfStepsOncePerDistinctValueAtItsHighestRank() throws IOException {
        var s = EcdfChart.steps("x", new double[]{3, 1, 1, Double.NaN});
        assertEquals(2, s.getItemCount());
        assertEquals(1, s.getX(0).doubleValue(), 0);
        assertEquals(2 / 3.0, s.getY(0).doubleValue(), 1e-12);
        assertEquals(3, s.getX(1).doubleValue(), 0);
        assertEquals(1, s.getY(1).doubleValue(), 0);
        SweepResults sweep = SweepResults.load(Fixtures.sweep(tmp));
        assertDrawn(EcdfChart.png(sweep, "loss_borne", 600, 300), 600, 300);
        assertEquals(2, EcdfChart.of(sweep, "loss_borne").getXYPlot().getDataset().getSeriesCount());
    }

    @Test
    void parameterCurveAveragesTheRunsAtEachValuePerDesign() throws IOException {
        SweepResults sweep = SweepResults.load(Fixtures.sweep(tmp));
        assertTrue(ParameterCurveChart.numeric(sweep, "markets[0].venue.depth"));
        var means = ParameterCurveChart.means(sweep, "loss_borne", "markets[0].venue.depth");
        // base at depth 1e6: (40 + 12) / 2; vault at 1e6: (8 + 1) / 2, at 2e6: 6.
        assertEquals(Map.of(1e6, 26.0), means.get("base"));
        assertEquals(Map.of(1e6, 4.5, 2e6, 6.0), means.get("vault"));
        assertDrawn(ParameterCurveChart.png(sweep, "loss_borne", "markets[0].venue.depth", 600, 300), 600, 300);
    }

    @Test
    void overlayDrawsOneLinePerDesignThatHasTheColumn() throws IOException {
        Table ts = Results.load(Fixtures.run(tmp)).timeseries();
        var chart = OverlayChart.of(new java.util.LinkedHashMap<>(Map.of("a", ts)), "insurance_fund", "t", "quote units");
        assertEquals(1, chart.getXYPlot().getDataset().getSeriesCount());
        assertEquals(ts.rows(), chart.getXYPlot().getDataset().getItemCount(0));
        assertEquals(0, OverlayChart.of(Map.of("a", ts), "no_such_column", "t", "u").getXYPlot().getDataset().getSeriesCount());
    }

    @Test
    void flowChartListsCellsLargestFirst() throws IOException {
        List<Flow> flows = List.of(new Flow("trader", "fees", 5), new Flow("trader", "market_maker", 40),
                new Flow("arbitrageur", "fees", 5));
        assertDrawn(FlowChart.png(flows, 600, 300), 600, 300);
        assertEquals(List.of("trader → market_maker", "arbitrageur → fees", "trader → fees"),
                FlowChart.of(flows).getCategoryPlot().getDataset().getColumnKeys());
    }

    @Test
    void sampleRunChartsRender() throws IOException {
        RunResults run = Results.load(Fixtures.run(tmp));
        assertDrawn(FlowChart.png(run.flows(), 300, 200), 300, 200);
        assertThrows(IllegalArgumentException.class, () -> FlowChart.png(run.flows(), 0, 200));
    }
}
