package backstop.analysis.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.ui.TextAnchor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;

/**
 * Replicator trajectories of one role with three strategies on its simplex (a ternary plot): the triangle's corners
 * are the pure strategies, a point's distance from the edge opposite a corner is that strategy's probability. Each
 * start's path is a grey line, its end a dot; the corners are labelled with the strategies.
 */
public final class SimplexChart {
    private static final double HEIGHT = Math.sqrt(3) / 2;

    private SimplexChart() {
    }

    /** Where the mixture (p0, p1, p2) lies: corner 0 at the left, 1 at the right, 2 at the top. */
    public static double[] point(double[] p) {
        return new double[] {p[1] + p[2] / 2, p[2] * HEIGHT};
    }

    /** {@code paths}: per start, its mixtures of the role's three strategies in order. */
    public static JFreeChart of(String title, List<String> strategies, List<List<double[]>> paths) {
        if (strategies.size() != 3) {
            throw new IllegalArgumentException("a simplex chart needs three strategies, got " + strategies);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries triangle = new XYSeries("simplex", false);
        for (double[] c : new double[][] {{0, 0}, {1, 0}, {0.5, HEIGHT}, {0, 0}}) {
            triangle.add(c[0], c[1]);
        }
        data.addSeries(triangle);
        XYSeries ends = new XYSeries("end points", false);
        for (int i = 0; i < paths.size(); i++) {
            XYSeries s = new XYSeries("start " + i, false);
            for (double[] p : paths.get(i)) {
                double[] xy = point(p);
                s.add(xy[0], xy[1]);
            }
            data.addSeries(s);
            double[] end = point(paths.get(i).get(paths.get(i).size() - 1));
            ends.add(end[0], end[1]);
        }
        data.addSeries(ends);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, Color.BLACK);
        r.setSeriesStroke(0, new BasicStroke(1.5f));
        for (int i = 1; i <= paths.size(); i++) {
            r.setSeriesPaint(i, new Color(0x60, 0x60, 0x60, 0x90));
            r.setSeriesVisibleInLegend(i, false);
        }
        int last = paths.size() + 1;
        r.setSeriesLinesVisible(last, false);
        r.setSeriesShapesVisible(last, true);
        r.setSeriesShape(last, new Ellipse2D.Double(-4, -4, 8, 8));
        r.setSeriesPaint(last, new Color(0xd6, 0x27, 0x28));
        r.setSeriesVisibleInLegend(0, false);
        NumberAxis x = new NumberAxis();
        x.setRange(-0.12, 1.12);
        x.setVisible(false);
        NumberAxis y = new NumberAxis();
        y.setRange(-0.08, HEIGHT + 0.08);
        y.setVisible(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        double[][] corners = {{0, -0.04}, {1, -0.04}, {0.5, HEIGHT + 0.04}};
        for (int k = 0; k < 3; k++) {
            XYTextAnnotation a = new XYTextAnnotation(strategies.get(k), corners[k][0], corners[k][1]);
            a.setTextAnchor(TextAnchor.CENTER);
            plot.addAnnotation(a);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Charts.style(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return chart;
    }

    public static byte[] png(String title, List<String> strategies, List<List<double[]>> paths, int width, int height) {
        return Png.render(of(title, strategies, paths), width, height);
    }
}
