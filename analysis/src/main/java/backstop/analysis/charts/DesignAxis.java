package backstop.analysis.charts;

import org.jfree.chart.axis.SymbolAxis;

import java.awt.Font;
import java.util.List;

/** A category axis for designs on an XY plot: design i sits at i, so intervals and per-run dots can share it. */
final class DesignAxis {
    private DesignAxis() {
    }

    static SymbolAxis of(String label, List<String> designs) {
        SymbolAxis axis = new SymbolAxis(label, designs.toArray(String[]::new));
        axis.setGridBandsVisible(false);
        axis.setTickLabelFont(axis.getTickLabelFont().deriveFont(Font.PLAIN, 12f));
        axis.setRange(-0.6, designs.size() - 0.4);
        return axis;
    }

    /** Draws one point per design as a square in {@code colour} with a black vertical interval bar and caps. */
    static org.jfree.chart.renderer.xy.XYErrorRenderer intervalRenderer(java.awt.Color colour) {
        var r = new org.jfree.chart.renderer.xy.XYErrorRenderer();
        r.setDrawXError(false);
        r.setErrorPaint(java.awt.Color.BLACK);
        r.setErrorStroke(new java.awt.BasicStroke(1.8f));
        r.setCapLength(10);
        r.setSeriesPaint(0, colour);
        r.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-5, -5, 10, 10));
        r.setBaseLinesVisible(false);
        return r;
    }

    /**
     * A small, deterministic horizontal offset for the {@code i}-th of {@code n} dots of one design, so equal values
     * stay visible as separate dots (within ±0.25 of the design's position).
     */
    static double jitter(int i, int n) {
        return n <= 1 ? 0 : -0.25 + 0.5 * i / (n - 1);
    }
}
