package backstop.model.spec;

/**
 * Range checks for the records that scenario and design files bind to: each failure
 * is an {@link IllegalArgumentException} naming the field, as the file spells it, and the value.
 */
public final class Check {
    private Check() {
    }

    public static double fraction(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(field + ": must be in [0, 1], got " + value);
        }
        return value;
    }

    public static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": must be > 0, got " + value);
        }
        return value;
    }

    public static double nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": must be ≥ 0, got " + value);
        }
        return value;
    }

    /** The largest amount of quote units a config may name: a trillion, far inside the ledger's micro-unit range. */
    public static final double MAX_AMOUNT = 1e12;

    /** An amount of quote units: finite, in [0, {@link #MAX_AMOUNT}]. */
    public static double amount(String field, double value) {
        if (!(value >= 0 && value <= MAX_AMOUNT)) {
            throw new IllegalArgumentException(field + ": must be an amount in [0, 1e12] quote units, got " + value);
        }
        return value;
    }

    /** A positive amount of quote units: in (0, {@link #MAX_AMOUNT}]. */
    public static double positiveAmount(String field, double value) {
        if (!(value > 0 && value <= MAX_AMOUNT)) {
            throw new IllegalArgumentException(field + ": must be an amount in (0, 1e12] quote units, got " + value);
        }
        return value;
    }

    public static long atLeast(String field, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(field + ": must be ≥ " + min + ", got " + value);
        }
        return value;
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return value;
    }
}
