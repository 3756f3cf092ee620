package backstop.analysis.charts;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.util.List;

/**
 * A game's design comparison: one group of bars per design, one bar per outcome (the scenario's own behaviour, each
 * equilibrium, the best and the worst simulated profile), their height one metric — the loss others bear, by default.
 */
public final class GameOutcomeChart {
    /** One bar: the design, the outcome, the value. */
    public record Bar(String design, String outcome, double value) {
    }

    private GameOutcomeChart() {
    }

    public static JFreeChart of(List<Bar> bars, String label) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Bar b : bars) {
            data.addValue(Double.isFinite(b.value()) ? b.value() : null, b.outcome(), b.design());
        }
        JFreeChart chart = ChartFactory.createBarChart(label + ": scenario default, equilibria, best and worst profiles",
                "design", label, data, PlotOrientation.VERTICAL, true, false, false);
        Charts.style(chart.getPlot());
        ((BarRenderer) chart.getCategoryPlot().getRenderer()).setBarPainter(new StandardBarPainter());
        return chart;
    }

    public static byte[] png(List<Bar> bars, String label, int width, int height) {
        return Png.render(of(bars, label), width, height);
    }
}
