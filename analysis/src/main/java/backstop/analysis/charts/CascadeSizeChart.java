package backstop.analysis.charts;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.util.Map;
import java.util.SortedMap;

/** The cascade size distribution: number of cascades per size (liquidation steps), one bar per size that occurred. */
public final class CascadeSizeChart {
    private CascadeSizeChart() {
    }

    /** From size → count (e.g. {@code Cascades.sizeDistribution()}). */
    public static JFreeChart of(SortedMap<Integer, Integer> distribution) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<Integer, Integer> e : distribution.entrySet()) {
            data.addValue(e.getValue(), "cascades", e.getKey());
        }
        JFreeChart chart = ChartFactory.createBarChart("Cascade size distribution", "cascade size (liquidations)",
                "cascades", data, PlotOrientation.VERTICAL, false, false, false);
        BarRenderer r = (BarRenderer) chart.getCategoryPlot().getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0xd62728));
        Charts.style(chart.getPlot());
        return chart;
    }

    /** The chart as a PNG. */
    public static byte[] png(SortedMap<Integer, Integer> distribution, int width, int height) {
        return Png.render(of(distribution), width, height);
    }
}
