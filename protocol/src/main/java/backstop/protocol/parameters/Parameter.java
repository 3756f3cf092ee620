package backstop.protocol.parameters;

/**
 * One named, bounded, mutable protocol parameter (a margin scale, a penalty, a cap…). Policies hold the
 * handle and read {@link #value()} each time they use it; changes go through {@link Parameters#set}, which
 * logs them, so governance is transparent rather than a black box.
 */
public final class Parameter {
    private final String name;
    private final String description;
    private final long min;
    private final long max;
    private long value;

    Parameter(String name, String description, long initial, long min, long max) {
        if (min > max || initial < min || initial > max) {
            throw new IllegalArgumentException(name + ": need min ≤ initial ≤ max, got " + min + ", " + initial + ", " + max);
        }
        this.name = name;
        this.description = description;
        this.value = initial;
        this.min = min;
        this.max = max;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public long value() {
        return value;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    void setValue(long v) {
        this.value = v;
    }
}
