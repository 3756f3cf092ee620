package backstop.analysis.charts;

import backstop.analysis.Table;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.geom.Ellipse2D;

/**
 * One market's index, oracle and mark price over time (hours), with a red marker on the mark at each sample
 * during which liquidations happened (the cumulative {@code liquidations} column rose; it counts all markets);
 * the marker series is left out when there are none.
 */
public final class PriceChart {
    private PriceChart() {
    }

    /** The chart for market {@code market} (column prefix, e.g. {@code eth-usd}). */
    public static JFreeChart of(Table timeseries, String market) {
        double[] time = timeseries.column("time");
        XYSeriesCollection data = new XYSeriesCollection();
        for (String kind : new String[] {"index", "oracle", "mark"}) {
            XYSeries s = new XYSeries(kind, false);
            double[] v = timeseries.column(market + "_" + kind);
            for (int i = 0; i < v.length; i++) {
                if (Double.isFinite(v[i])) {
                    s.add(time[i] / 3600, v[i]);
                }
            }
            data.addSeries(s);
        }
        XYSeries liquidations = new XYSeries("liquidations", false);
        if (timeseries.has("liquidations")) {
            double[] count = timeseries.column("liquidations");
            double[] mark = timeseries.column(market + "_mark");
            for (int i = 0; i < count.length; i++) {
                double before = i == 0 ? 0 : count[i - 1];
                if (count[i] > before && Double.isFinite(mark[i])) {
                    liquidations.add(time[i] / 3600, mark[i]);
                }
            }
        }
        if (!liquidations.isEmpty()) {
            // Only then: an empty series would still put a red "liquidations" entry in the legend.
            data.addSeries(liquidations);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(market.toUpperCase(java.util.Locale.ROOT) + " prices",
                "time (hours)", "price", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.getRangeAxis().setAutoRange(true);
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, new Color(0x1f77b4));
        r.setSeriesPaint(1, new Color(0xff7f0e));
        r.setSeriesPaint(2, new Color(0x2ca02c));
        r.setSeriesPaint(3, new Color(0xd62728));
        r.setSeriesLinesVisible(3, false);
        r.setSeriesShapesVisible(3, true);
        r.setSeriesShape(3, new Ellipse2D.Double(-4, -4, 8, 8));
        plot.setRenderer(r);
        Charts.style(plot);
        return chart;
    }

    /** The chart as a PNG. */
    public static byte[] png(Table timeseries, String market, int width, int height) {
        return Png.render(of(timeseries, market), width, height);
    }
}
