package backstop.analysis.study;

import java.util.List;

/**
 * One row of reproduction.csv: the published figure with its source, the simulated mean with its 95% t interval over
 * seeds and the number of seeds it rests on, the band, whether the mean is inside it and whether this version of the
 * study asserts it. For a ranking, {@code simulated} is the designs in the order of their means, each with its mean,
 * and the interval is empty.
 */
public record ReproductionRow(String figure, String quantity, String published, String unit, String source,
                              String simulated, double ciLow, double ciHigh, int samples, String band, boolean inside,
                              boolean asserted) {
    /** reproduction.csv's columns. */
    public static final List<String> HEADER = List.of("figure", "quantity", "published", "unit", "source",
            "simulated_mean", "ci_low", "ci_high", "samples", "band", "inside", "asserted");

    /** The row's cells in {@link #HEADER} order. */
    public List<Object> cells() {
        return List.of(figure, quantity, published, unit, source, simulated, cell(ciLow), cell(ciHigh), samples, band,
                inside, asserted);
    }

    private static Object cell(double v) {
        return Double.isNaN(v) ? "" : v;
    }
}
