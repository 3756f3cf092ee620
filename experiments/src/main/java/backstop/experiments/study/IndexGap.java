package backstop.experiments.study;

import backstop.model.spec.Doc;

/**
 * {@code index-gap}: how far the series sits from the index, over the samples where both are known: the mean of
 * |price ÷ index − 1| ({@code signed: false}, the default), or of price ÷ index − 1 ({@code signed: true}, the
 * premium: above 0 when the price sits above the index). Params: those of {@link PriceSeries} and {@code signed}.
 */
final class IndexGap extends SeriesMeasure {
    /** Its own parameter. */
    record Params(@Doc(value = "true: the signed premium; false: its absolute value", absent = "false") Boolean signed) {
        Params {
            signed = signed != null && signed;
        }
    }

    private final boolean signed;

    IndexGap(PriceSeries series, Params params) {
        super(series);
        this.signed = params.signed();
    }

    @Override
    double of(PriceSeries.Samples samples) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < samples.price().length; i++) {
            double p = samples.price()[i];
            double x = samples.index()[i];
            if (Double.isFinite(p) && p > 0 && Double.isFinite(x) && x > 0) {
                double gap = p / x - 1;
                sum += signed ? gap : Math.abs(gap);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
