package backstop.model.spec;

/**
 * A closed, open or half-open interval of numbers, parsed from a {@link Doc#range} such as {@code "[0, 1]"},
 * {@code "(0, 1e12]"} or {@code "[1, ∞)"} ({@code inf} may stand for {@code ∞}).
 */
public record Range(double lo, boolean loOpen, double hi, boolean hiOpen) {
    public Range {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("range: need lo ≤ hi, got " + lo + ", " + hi);
        }
    }

    /** Parses {@code text}; an IllegalArgumentException says what is malformed. */
    public static Range parse(String text) {
        String t = text.strip();
        if (t.length() < 5 || "[(".indexOf(t.charAt(0)) < 0 || "])".indexOf(t.charAt(t.length() - 1)) < 0) {
            throw new IllegalArgumentException("range: expected [lo, hi] with ( or ) for an open end, got '" + text + "'");
        }
        String[] parts = t.substring(1, t.length() - 1).split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("range: expected two bounds, got '" + text + "'");
        }
        return new Range(bound(parts[0]), t.charAt(0) == '(', bound(parts[1]), t.charAt(t.length() - 1) == ')');
    }

    private static double bound(String s) {
        String b = s.strip().replace("inf", "∞");
        return switch (b) {
            case "∞", "+∞" -> Double.POSITIVE_INFINITY;
            case "-∞", "−∞" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(b.replace('−', '-'));
        };
    }

    /** Whether {@code v} lies in this interval (NaN never does; an infinite value only at a closed infinite end). */
    public boolean contains(double v) {
        if (Double.isNaN(v)) {
            return false;
        }
        if (Double.isInfinite(v)) {
            return v == hi && !hiOpen || v == lo && !loOpen;     // only a closed infinite end, such as "(0, ∞]"
        }
        boolean above = loOpen ? v > lo : v >= lo;
        boolean below = hiOpen ? v < hi : v <= hi;
        return above && below;
    }

    /** Values just outside the interval (below and above, where there are finite ends), for tests. */
    public double[] outside() {
        java.util.List<Double> out = new java.util.ArrayList<>();
        if (Double.isFinite(lo)) {
            out.add(loOpen ? lo : lo - Math.max(1, Math.abs(lo)));
        }
        if (Double.isFinite(hi)) {
            out.add(hiOpen ? hi : hi + Math.max(1, Math.abs(hi)));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** How a refusal says it: "≥ 0", "> 0", "in [0, 1]". */
    public String phrase() {
        if (hi == Double.POSITIVE_INFINITY && lo != Double.NEGATIVE_INFINITY) {
            return (loOpen ? "> " : "≥ ") + fmt(lo);
        }
        return "in " + this;
    }

    @Override
    public String toString() {
        return (loOpen ? "(" : "[") + fmt(lo) + ", " + fmt(hi) + (hiOpen ? ")" : "]");
    }

    static String fmt(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        return Math.abs(v) >= 1e7 ? String.format("%.0e", v).replace("e+", "e").replace("e0", "e") : Double.toString(v);
    }
}
