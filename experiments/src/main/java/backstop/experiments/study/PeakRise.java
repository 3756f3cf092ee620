package backstop.experiments.study;

/**
 * {@code peak-rise}: how far the series rose at its highest, max over samples of price ÷ the first known price − 1
 * (0 when it never rose above its start). With {@code price: oracle} it is how far a manipulation moved the protocol's
 * oracle (the Mango study). Params: those of {@link PriceSeries}; NaN without a positive first price.
 */
final class PeakRise extends SeriesMeasure {
    PeakRise(PriceSeries series) {
        super(series);
    }

    @Override
    double of(PriceSeries.Samples samples) {
        double first = Double.NaN;
        double peak = Double.NaN;
        for (double p : samples.price()) {
            if (Double.isFinite(p) && p > 0) {
                first = Double.isNaN(first) ? p : first;
                peak = Double.isNaN(peak) ? p : Math.max(peak, p);
            }
        }
        return Double.isNaN(first) ? Double.NaN : peak / first - 1;
    }
}
