package backstop.analysis.charts;

import backstop.analysis.Table;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.Map;

/**
 * One time-series column of several runs on one chart, one line per design (the runs of one seed, so every line saw
 * the same random numbers): how the insurance fund or a market's mark moved under each design.
 */
public final class OverlayChart {
    private OverlayChart() {
    }

    /** {@code byDesign}: each design's timeseries.csv; designs whose file lacks {@code column} are left out. */
    public static JFreeChart of(Map<String, Table> byDesign, String column, String title, String unit) {
        XYSeriesCollection data = new XYSeriesCollection();
        byDesign.forEach((design, t) -> {
            if (!t.has(column) || !t.has("time")) {
                return;
            }
            XYSeries s = new XYSeries(design, false);
            double[] time = t.column("time");
            double[] v = t.column(column);
            for (int i = 0; i < v.length; i++) {
                if (Double.isFinite(v[i])) {
                    s.add(time[i] / 3600, v[i]);
                }
            }
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, "time (hours)", unit, data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.getXYPlot().setRenderer(new XYLineAndShapeRenderer(true, false));
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        Charts.style(chart.getPlot());
        return chart;
    }

    public static byte[] png(Map<String, Table> byDesign, String column, String title, String unit, int width,
                             int height) {
        return Png.render(of(byDesign, column, title, unit), width, height);
    }
}
