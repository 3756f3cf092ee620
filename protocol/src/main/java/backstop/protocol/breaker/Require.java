package backstop.protocol.breaker;

/** Constructor argument checks that name the argument and the value at fault. */
final class Require {
    private Require() {
    }

    /** Throws unless {@code min ≤ value ≤ max}. */
    static long within(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /** Throws unless {@code value ≥ min}. */
    static long atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": must be ≥ " + min + ", got " + value);
        }
        return value;
    }
}
