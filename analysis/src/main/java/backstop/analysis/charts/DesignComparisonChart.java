package backstop.analysis.charts;

import backstop.analysis.SweepResults;
import backstop.analysis.stats.Estimate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.Color;
import java.awt.geom.Ellipse2D;

/**
 * One metric per design: every run as a small grey dot, and the mean over the design's runs as a point with its 95%
 * percentile-bootstrap interval. A bootstrap interval of a mean stays within the values seen, so a count or a loss
 * never gets an interval below 0 (a t interval of a few skewed runs does).
 */
public final class DesignComparisonChart {
    /** Resamples of each bootstrap interval, and their fixed seed: the same runs always give the same chart. */
    static final int RESAMPLES = 2000;
    static final long SEED = 20200312L;

    private DesignComparisonChart() {
    }

    /** The mean and interval this chart draws for one design. */
    public static Estimate estimate(double[] runs) {
        return Estimate.bootstrap(runs, 0.95, RESAMPLES, SEED);
    }

    /** From the sweep's runs.csv. */
    public static JFreeChart of(SweepResults sweep, String metric) {
        YIntervalSeries means = new YIntervalSeries("mean, 95% bootstrap interval");
        XYSeries dots = new XYSeries("runs", false);
        for (int d = 0; d < sweep.designs().size(); d++) {
            double[] xs = sweep.metric(sweep.designs().get(d), metric);
            Estimate e = estimate(xs);
            boolean interval = Double.isFinite(e.ciLow()) && Double.isFinite(e.ciHigh());
            means.add(d, e.mean(), interval ? e.ciLow() : e.mean(), interval ? e.ciHigh() : e.mean());
            for (int i = 0; i < xs.length; i++) {
                if (Double.isFinite(xs[i])) {
                    dots.add(d + DesignAxis.jitter(i, xs.length), xs[i]);
                }
            }
        }
        String label = sweep.label(metric);
        NumberAxis values = new NumberAxis(label);
        values.setAutoRangeIncludesZero(false);
        YIntervalSeriesCollection meanData = new YIntervalSeriesCollection();
        meanData.addSeries(means);
        XYPlot plot = new XYPlot(meanData, DesignAxis.of("design", sweep.designs()), values, null);
        plot.setRenderer(0, DesignAxis.intervalRenderer(new Color(0x1f77b4)));
        XYSeriesCollection dotData = new XYSeriesCollection(dots);
        XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
        dotRenderer.setSeriesPaint(0, new Color(0x80, 0x80, 0x80, 0xa0));
        dotRenderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        plot.setDataset(1, dotData);
        plot.setRenderer(1, dotRenderer);
        JFreeChart chart = new JFreeChart(label + " by design", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Charts.style(plot);
        return chart;
    }

    /** The chart as a PNG. */
    public static byte[] png(SweepResults sweep, String metric, int width, int height) {
        return Png.render(of(sweep, metric), width, height);
    }
}
