package backstop.analysis.charts;

import org.jfree.chart.plot.Plot;

import java.awt.Color;

/** The look every Backstop chart shares: white plot area, light grey grid lines. */
final class Charts {
    private Charts() {
    }

    static void style(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof org.jfree.chart.plot.XYPlot xy) {
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
        } else if (plot instanceof org.jfree.chart.plot.CategoryPlot c) {
            c.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
    }
}
