package backstop.analysis.charts;

import backstop.analysis.SweepResults;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.Arrays;

/**
 * The empirical distribution of a tail metric over runs, one step line per design: at x, the share of the design's
 * runs whose value was at most x. Reading off the 0.95 level gives each design's empirical 95th percentile; a line
 * further left and up is a design with a lighter tail.
 */
public final class EcdfChart {
    private EcdfChart() {
    }

    /** The ECDF of {@code values} as (x, share ≤ x) steps, starting at (min, 1/n). */
    static XYSeries steps(String name, double[] values) {
        double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        XYSeries s = new XYSeries(name, true, false);
        int n = sorted.length;
        for (int i = 0; i < n; i++) {
            if (i + 1 < n && sorted[i + 1] == sorted[i]) {
                continue; // one step per distinct value, at its highest rank
            }
            s.add(sorted[i], (i + 1) / (double) n);
        }
        return s;
    }

    public static JFreeChart of(SweepResults sweep, String metric) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String design : sweep.designs()) {
            data.addSeries(steps(design, sweep.metric(design, metric)));
        }
        String label = sweep.label(metric);
        JFreeChart chart = ChartFactory.createXYLineChart("Distribution of " + label + " over runs", label,
                "share of runs at most x", data, PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().setRenderer(new XYStepRenderer());
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setRange(0, 1.02);
        Charts.style(chart.getPlot());
        return chart;
    }

    public static byte[] png(SweepResults sweep, String metric, int width, int height) {
        return Png.render(of(sweep, metric), width, height);
    }
}
