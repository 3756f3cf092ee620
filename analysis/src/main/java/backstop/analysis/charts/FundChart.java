package backstop.analysis.charts;

import backstop.analysis.Table;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;

/** The insurance fund and cumulative bad debt over time, on one quote-unit axis so they compare directly. */
public final class FundChart {
    private FundChart() {
    }

    /** From timeseries.csv's {@code insurance_fund} and {@code bad_debt} columns. */
    public static JFreeChart of(Table timeseries) {
        double[] time = timeseries.column("time");
        XYSeriesCollection data = new XYSeriesCollection();
        for (String column : new String[] {"insurance_fund", "bad_debt"}) {
            XYSeries s = new XYSeries(column.replace('_', ' '), false);
            double[] v = timeseries.column(column);
            for (int i = 0; i < v.length; i++) {
                if (Double.isFinite(v[i])) {
                    s.add(time[i] / 3600, v[i]);
                }
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Insurance fund and bad debt", "time (hours)",
                "quote units", data, PlotOrientation.VERTICAL, true, false, false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, new Color(0x1f77b4));
        r.setSeriesPaint(1, new Color(0xd62728));
        chart.getXYPlot().setRenderer(r);
        Charts.style(chart.getPlot());
        return chart;
    }

    /** The chart as a PNG. */
    public static byte[] png(Table timeseries, int width, int height) {
        return Png.render(of(timeseries), width, height);
    }
}
