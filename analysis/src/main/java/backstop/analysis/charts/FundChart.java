package backstop.analysis.charts;

import backstop.analysis.Table;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The loss others bear, cumulative bad debt and the insurance fund over time, on one quote-unit axis so they compare
 * directly. {@code loss_borne} leads (it counts what bad debt misses: vault losses, open insolvency, unsold auction
 * inventory); time series written before it have only the other two lines.
 */
public final class FundChart {
    /** The columns charted, in order, when the time series has them. */
    static final List<String> COLUMNS = List.of("loss_borne", "bad_debt", "insurance_fund");
    private static final Color[] COLOURS = {new Color(0x6a3d9a), new Color(0xd62728), new Color(0x1f77b4)};

    private FundChart() {
    }

    /** From timeseries.csv's {@code loss_borne} (when present), {@code bad_debt} and {@code insurance_fund} columns. */
    public static JFreeChart of(Table timeseries) {
        double[] time = timeseries.column("time");
        XYSeriesCollection data = new XYSeriesCollection();
        List<Color> colours = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            String column = COLUMNS.get(c);
            if (column.equals("loss_borne") && !timeseries.has(column)) {
                continue;
            }
            XYSeries s = new XYSeries(column.replace('_', ' '), false);
            double[] v = timeseries.column(column);
            for (int i = 0; i < v.length; i++) {
                if (Double.isFinite(v[i])) {
                    s.add(time[i] / 3600, v[i]);
                }
            }
            data.addSeries(s);
            colours.add(COLOURS[c]);
        }
        String title = timeseries.has("loss_borne") ? "Loss borne, bad debt and insurance fund"
                : "Bad debt and insurance fund (no loss_borne column)";
        JFreeChart chart = ChartFactory.createXYLineChart(title, "time (hours)", "quote units", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < colours.size(); i++) {
            r.setSeriesPaint(i, colours.get(i));
        }
        chart.getXYPlot().setRenderer(r);
        Charts.style(chart.getPlot());
        return chart;
    }

    /** The chart as a PNG. */
    public static byte[] png(Table timeseries, int width, int height) {
        return Png.render(of(timeseries), width, height);
    }
}
