package backstop.analysis.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.List;

/**
 * One role's strategy shares along one replicator trajectory, against the step (on a log scale, since most of the
 * motion is in the first steps): one line per strategy.
 */
public final class ShareChart {
    private ShareChart() {
    }

    /** {@code path}: the role's probabilities at step 0, 1, 2, …, in the strategies' order. */
    public static JFreeChart of(String title, List<String> strategies, List<double[]> path) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int s = 0; s < strategies.size(); s++) {
            XYSeries series = new XYSeries(strategies.get(s), false);
            for (int step = 0; step < path.size(); step++) {
                series.add(step + 1, path.get(step)[s]);
            }
            data.addSeries(series);
        }
        LogarithmicAxis steps = new LogarithmicAxis("step + 1");
        steps.setAllowNegativesFlag(false);
        NumberAxis share = new NumberAxis("probability");
        share.setRange(0, 1.02);
        XYPlot plot = new XYPlot(data, steps, share, new XYLineAndShapeRenderer(true, false));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Charts.style(plot);
        return chart;
    }

    public static byte[] png(String title, List<String> strategies, List<double[]> path, int width, int height) {
        return Png.render(of(title, strategies, path), width, height);
    }
}
