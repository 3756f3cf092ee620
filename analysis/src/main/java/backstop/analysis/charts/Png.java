package backstop.analysis.charts;

import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Renders a chart to PNG bytes, off screen (run the JVM with {@code -Djava.awt.headless=true} on servers). */
public final class Png {
    private Png() {
    }

    /** The chart as a {@code width} × {@code height} PNG on a white background. */
    public static byte[] render(JFreeChart chart, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + " × " + height);
        }
        chart.setBackgroundPaint(Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtilities.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
