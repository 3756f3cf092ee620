package backstop.analysis.charts;

import backstop.analysis.SweepResults;
import backstop.analysis.metrics.SummaryMetrics;
import backstop.analysis.stats.Estimate;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;

/** One metric per design: the mean over the design's runs as a point, with its 95% Student-t interval as an error bar. */
public final class DesignComparisonChart {
    private DesignComparisonChart() {
    }

    /** From the sweep's runs.csv. */
    public static JFreeChart of(SweepResults sweep, String metric) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (String design : sweep.designs()) {
            Estimate e = sweep.estimate(design, metric);
            // The renderer draws mean ± the "standard deviation" slot; the t interval is symmetric, so its
            // half-width goes there. No interval (fewer than two runs): no error bar.
            double half = (e.ciHigh() - e.ciLow()) / 2;
            data.add(Double.valueOf(e.mean()), Double.isFinite(half) ? Double.valueOf(half) : null, metric, design);
        }
        JFreeChart chart = ChartFactory.createLineChart(SummaryMetrics.label(metric) + " by design (mean, 95% CI)", "design",
                SummaryMetrics.label(metric), data,
                PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        StatisticalLineAndShapeRenderer r = new StatisticalLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, new Color(0x1f77b4));
        r.setErrorIndicatorPaint(Color.BLACK);
        r.setErrorIndicatorStroke(new BasicStroke(1.5f));
        plot.setRenderer(r);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        Charts.style(plot);
        return chart;
    }

    /** The chart as a PNG. */
    public static byte[] png(SweepResults sweep, String metric, int width, int height) {
        return Png.render(of(sweep, metric), width, height);
    }
}
