package backstop.experiments.study;

import backstop.experiments.config.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tolerance band in the form a paper states a result: a range of the simulated mean, an order of magnitude or a
 * ratio of the published value, a sign, or a ranking of designs. A row is inside when its simulated mean satisfies
 * the band; the interval over seeds is reported beside it, not judged.
 */
public sealed interface Band {
    /** The band as reproduction.csv writes it, e.g. {@code [0.2, 0.6]} or {@code ×/÷ 10 of 0.36}. */
    String text();

    /** Whether a numeric simulated mean is inside (a ranking band takes {@link #insideRanking} instead). */
    boolean inside(double mean);

    /** {@code range}: min ≤ mean ≤ max, either bound optional. */
    record Range(Double min, Double max) implements Band {
        @Override
        public String text() {
            return "[" + (min == null ? "−∞" : num(min)) + ", " + (max == null ? "∞" : num(max)) + "]";
        }

        @Override
        public boolean inside(double mean) {
            return !Double.isNaN(mean) && (min == null || mean >= min) && (max == null || mean <= max);
        }
    }

    /** {@code order-of-magnitude}: published ÷ factor ≤ mean ≤ published × factor (same sign as the published value). */
    record Magnitude(double published, double factor) implements Band {
        @Override
        public String text() {
            return "×/÷ " + num(factor) + " of " + num(published);
        }

        @Override
        public boolean inside(double mean) {
            double r = mean / published;
            return r >= 1 / factor && r <= factor;
        }
    }

    /** {@code ratio}: min ≤ mean ÷ published ≤ max, either bound optional. */
    record Ratio(double published, Double min, Double max) implements Band {
        @Override
        public String text() {
            return "simulated ÷ " + num(published) + " in " + new Range(min, max).text();
        }

        @Override
        public boolean inside(double mean) {
            return new Range(min, max).inside(mean / published);
        }
    }

    /** {@code sign}: the mean strictly above 0 ({@code positive}) or below it ({@code negative}). */
    record Sign(boolean positive) implements Band {
        @Override
        public String text() {
            return positive ? "> 0" : "< 0";
        }

        @Override
        public boolean inside(double mean) {
            return positive ? mean > 0 : mean < 0;
        }
    }

    /** {@code ranking}: the designs' means strictly ascending in {@code order}. */
    record Ranking(List<String> order) implements Band {
        @Override
        public String text() {
            return String.join(" < ", order);
        }

        @Override
        public boolean inside(double mean) {
            throw new UnsupportedOperationException("a ranking band judges the designs' means: insideRanking");
        }

        /** Whether {@code means} (design → mean) ascend strictly in the band's order; a NaN mean is outside. */
        public boolean insideRanking(Map<String, Double> means) {
            for (int i = 1; i < order.size(); i++) {
                if (!(means.get(order.get(i - 1)) < means.get(order.get(i)))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The band a figure's spec states, checked; {@code where} names the figure's band in errors. */
    static Band of(StudySpec.BandSpec b, JsonNode published, String where) {
        if (b.type() == null) {
            throw new ConfigException(where + ".type: is required (range, order-of-magnitude, ratio, sign or ranking)");
        }
        switch (b.type()) {
            case "range" -> {
                only(b, where, "min", "max");
                if (b.min() == null && b.max() == null) {
                    throw new ConfigException(where + ": a range band needs min, max or both");
                }
                if (b.min() != null && b.max() != null && b.min() > b.max()) {
                    throw new ConfigException(where + ".min: " + num(b.min()) + " is above max " + num(b.max()));
                }
                return new Range(b.min(), b.max());
            }
            case "order-of-magnitude" -> {
                only(b, where, "factor");
                double factor = b.factor() == null ? 10 : b.factor();
                return new Magnitude(publishedNumber(published, where), factor);
            }
            case "ratio" -> {
                only(b, where, "min", "max");
                if (b.min() == null && b.max() == null) {
                    throw new ConfigException(where + ": a ratio band needs min, max or both");
                }
                return new Ratio(publishedNumber(published, where), b.min(), b.max());
            }
            case "sign" -> {
                only(b, where, "sign");
                if (!"positive".equals(b.sign()) && !"negative".equals(b.sign())) {
                    throw new ConfigException(where + ".sign: must be positive or negative, got "
                            + (b.sign() == null ? "nothing" : "'" + b.sign() + "'"));
                }
                return new Sign(b.sign().equals("positive"));
            }
            case "ranking" -> {
                only(b, where, "order");
                if (b.order() == null || b.order().size() < 2) {
                    throw new ConfigException(where + ".order: a ranking needs at least two designs, got " + b.order());
                }
                return new Ranking(List.copyOf(b.order()));
            }
            default -> throw new ConfigException(where + ".type: unknown band type '" + b.type()
                    + "' (known: range, order-of-magnitude, ratio, sign, ranking)");
        }
    }

    private static double publishedNumber(JsonNode published, String where) {
        if (published == null || !published.isNumber() || published.doubleValue() == 0) {
            throw new ConfigException(where + ": this band is relative to the published value, which must be a non-zero"
                    + " number, got " + published);
        }
        return published.doubleValue();
    }

    /** Refuses a key the band's type does not take, naming it. */
    private static void only(StudySpec.BandSpec b, String where, String... allowed) {
        Map<String, Object> given = new java.util.LinkedHashMap<>();
        given.put("min", b.min());
        given.put("max", b.max());
        given.put("factor", b.factor());
        given.put("sign", b.sign());
        given.put("order", b.order());
        List<String> ok = List.of(allowed);
        for (var e : given.entrySet()) {
            if (e.getValue() != null && !ok.contains(e.getKey())) {
                throw new ConfigException(where + "." + e.getKey() + ": a " + b.type() + " band takes only "
                        + String.join(", ", ok) + ", got " + e.getKey() + " = " + e.getValue());
            }
        }
    }

    /** A number as the tables print it: up to 6 significant digits, no exponent for ordinary magnitudes. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
