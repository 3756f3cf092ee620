package backstop.analysis.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A forest plot of paired differences against a baseline: one row per design, its mean difference (design − baseline
 * on common seeds) as a square and its 95% interval as a bar, with a line at 0. A bar wholly left of the line is a
 * design that loses less than the baseline.
 */
public final class ForestChart {
    /** One design's paired difference from the baseline. */
    public record Row(String design, double meanDifference, double low, double high) {
    }

    private ForestChart() {
    }

    /** {@code label} names the metric with its unit; rows top to bottom in the order given. */
    public static JFreeChart of(List<Row> rows, String label, String baseline) {
        List<String> designs = new ArrayList<>(rows.stream().map(Row::design).toList());
        Collections.reverse(designs);
        YIntervalSeries s = new YIntervalSeries("mean difference, 95% interval", false, true);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            boolean interval = Double.isFinite(r.low()) && Double.isFinite(r.high());
            s.add(rows.size() - 1 - i, r.meanDifference(), interval ? r.low() : r.meanDifference(),
                    interval ? r.high() : r.meanDifference());
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(s);
        NumberAxis difference = new NumberAxis(label + ", design − " + baseline);
        difference.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, DesignAxis.of("design", designs), difference,
                DesignAxis.intervalRenderer(new Color(0xd62728)));
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        ValueMarker zero = new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10, new float[]{6, 4}, 0));
        plot.addRangeMarker(zero);
        JFreeChart chart = new JFreeChart("Paired difference from " + baseline + " (left of 0: loses less)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        Charts.style(plot);
        return chart;
    }

    /** The chart as a PNG. */
    public static byte[] png(List<Row> rows, String label, String baseline, int width, int height) {
        return Png.render(of(rows, label, baseline), width, height);
    }
}
