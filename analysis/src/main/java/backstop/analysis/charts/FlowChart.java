package backstop.analysis.charts;

import backstop.analysis.Flow;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The value-flow matrix as labelled horizontal bars, one per "from → to" cell, largest first (ties by label),
 * which reads more exactly than a heat map with a handful of classes.
 */
public final class FlowChart {
    private FlowChart() {
    }

    /** From flows.csv's cells. */
    public static JFreeChart of(List<Flow> flows) {
        List<Flow> sorted = new ArrayList<>(flows);
        sorted.sort(Comparator.comparingDouble(Flow::amount).reversed()
                .thenComparing(f -> f.from() + " → " + f.to()));
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Flow f : sorted) {
            data.addValue(f.amount(), "amount", f.from() + " → " + f.to());
        }
        JFreeChart chart = ChartFactory.createBarChart("Value flows", null, "quote units", data,
                PlotOrientation.HORIZONTAL, false, false, false);
        BarRenderer r = (BarRenderer) chart.getCategoryPlot().getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0x9467bd));
        Charts.style(chart.getPlot());
        return chart;
    }

    /** The chart as a PNG. */
    public static byte[] png(List<Flow> flows, int width, int height) {
        return Png.render(of(flows), width, height);
    }
}
