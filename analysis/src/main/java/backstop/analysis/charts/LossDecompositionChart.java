package backstop.analysis.charts;

import backstop.analysis.SweepResults;
import org.apache.commons.math3.stat.StatUtils;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.util.List;

/**
 * Who bore the loss, per design: the mean over runs of each part of {@code loss_borne} stacked into one bar, so a bar's
 * height is the design's mean loss borne and its layers say where it landed (insurance fund, vault LPs, ADL'd winners,
 * everybody, or still open at the end). Parts that are 0 in every run are left out.
 */
public final class LossDecompositionChart {
    /** The parts of loss_borne, which add up to it, in the order runs.csv has them. */
    public static final List<String> PARTS = List.of("insurance_drawn", "vault_loss", "adl_haircut", "socialized_loss",
            "funding_bump_loss", "uncovered_bad_debt", "open_insolvency", "auction_shortfall");
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0x9467bd), new Color(0xff7f0e),
            new Color(0x2ca02c), new Color(0x17becf), new Color(0xd62728), new Color(0x8c564b), new Color(0xe377c2)};

    private LossDecompositionChart() {
    }

    /** Whether the sweep has every part (runs.csv written before the decomposition has not). */
    public static boolean applies(SweepResults sweep) {
        return sweep.metrics().containsAll(PARTS);
    }

    /** Mean per run of each part, per design; empty of rows when every part is 0 in every run. */
    public static DefaultCategoryDataset means(SweepResults sweep) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String part : PARTS) {
            boolean any = false;
            for (String design : sweep.designs()) {
                any |= StatUtils.max(sweep.metric(design, part)) > 0;
            }
            if (!any) {
                continue;
            }
            for (String design : sweep.designs()) {
                data.addValue(StatUtils.mean(sweep.metric(design, part)), part.replace('_', ' '), design);
            }
        }
        return data;
    }

    public static JFreeChart of(SweepResults sweep) {
        JFreeChart chart = ChartFactory.createStackedBarChart("Loss borne by others, by who bore it (mean per run)",
                "design", "loss borne (quote)", means(sweep), PlotOrientation.VERTICAL, true, false, false);
        StackedBarRenderer r = (StackedBarRenderer) chart.getCategoryPlot().getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        DefaultCategoryDataset data = (DefaultCategoryDataset) chart.getCategoryPlot().getDataset();
        for (int i = 0; i < data.getRowCount(); i++) {
            String part = ((String) data.getRowKey(i)).replace(' ', '_');
            r.setSeriesPaint(i, COLOURS[PARTS.indexOf(part)]);
        }
        Charts.style(chart.getPlot());
        return chart;
    }

    public static byte[] png(SweepResults sweep, int width, int height) {
        return Png.render(of(sweep), width, height);
    }
}
