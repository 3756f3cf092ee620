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
    void designComparisonShowsMeanAndTInterval() throws IOException {
        SweepResults sweep = SweepResults.load(Fixtures.sweep(tmp));
        assertDrawn(DesignComparisonChart.png(sweep, "bad_debt", 600, 400), 600, 400);
        var data = (org.jfree.data.statistics.StatisticalCategoryDataset)
                DesignComparisonChart.of(sweep, "bad_debt").getCategoryPlot().getDataset();
        // base: 10, 30 → mean 20, half-width t(0.975, 1) × √200 / √2 = 127.06205.
        assertEquals(20, data.getMeanValue("bad_debt", "base").doubleValue(), 1e-12);
        assertEquals(127.06205, data.getStdDevValue("bad_debt", "base").doubleValue(), 1e-4);
        assertEquals(List.of("base", "vault"), data.getColumnKeys());
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
