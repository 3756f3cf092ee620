package backstop.analysis.charts;

import backstop.analysis.SweepResults;
import backstop.analysis.Table;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A metric against one varied parameter, one line per design: at each value of the parameter, the mean of the metric
 * over the runs with that value (seeds, and the other parameters' values when several vary). A grid sweep gives one
 * point per grid value; a Latin hypercube one per sampled value.
 */
public final class ParameterCurveChart {
    private ParameterCurveChart() {
    }

    /** Whether the parameter column holds numbers in every run (a curve needs an ordered axis). */
    public static boolean numeric(SweepResults sweep, String parameter) {
        Table runs = sweep.runs();
        for (String cell : runs.text("param:" + parameter)) {
            try {
                if (!Double.isFinite(Double.parseDouble(cell))) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** Per design, parameter value → mean of the metric at that value. */
    public static Map<String, TreeMap<Double, Double>> means(SweepResults sweep, String metric, String parameter) {
        Table runs = sweep.runs();
        double[] x = runs.column("param:" + parameter);
        double[] y = runs.column(metric);
        List<String> design = runs.text("design");
        Map<String, TreeMap<Double, double[]>> sums = new TreeMap<>();
        for (int i = 0; i < x.length; i++) {
            double[] s = sums.computeIfAbsent(design.get(i), d -> new TreeMap<>()).computeIfAbsent(x[i], v -> new double[2]);
            s[0] += y[i];
            s[1]++;
        }
        Map<String, TreeMap<Double, Double>> out = new java.util.LinkedHashMap<>();
        for (String d : sweep.designs()) {
            TreeMap<Double, Double> m = new TreeMap<>();
            sums.getOrDefault(d, new TreeMap<>()).forEach((v, s) -> m.put(v, s[0] / s[1]));
            out.put(d, m);
        }
        return out;
    }

    public static JFreeChart of(SweepResults sweep, String metric, String parameter) {
        XYSeriesCollection data = new XYSeriesCollection();
        means(sweep, metric, parameter).forEach((design, curve) -> {
            XYSeries s = new XYSeries(design, true, false);
            curve.forEach(s::add);
            data.addSeries(s);
        });
        String label = sweep.label(metric);
        boolean others = sweep.parameters().size() > 1;
        JFreeChart chart = ChartFactory.createXYLineChart(label + " against " + parameter
                        + (others ? " (mean over seeds and the other parameters)" : " (mean over seeds)"),
                parameter, label, data, PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().setRenderer(new XYLineAndShapeRenderer(true, true));
        Charts.style(chart.getPlot());
        return chart;
    }

    public static byte[] png(SweepResults sweep, String metric, String parameter, int width, int height) {
        return Png.render(of(sweep, metric, parameter), width, height);
    }
}
