package backstop.protocol.governance;

import backstop.protocol.money.Amounts;

/** What a governance {@link Rule} does to its parameter when it fires; the result is clamped to its bounds. */
public sealed interface RuleAction {
    /**
     * The new value from the current one and the baseline (the value the parameter had when the controller
     * was set up).
     */
    long target(long current, long baseline);

    /** Multiply by {@code factorPpm} / 1000000, rounded away from the current value so a step always moves. */
    static RuleAction scale(long factorPpm) {
        return new Scale(factorPpm);
    }

    /** Add {@code delta} (may be negative). */
    static RuleAction step(long delta) {
        return new Step(delta);
    }

    /** Set to {@code value}. */
    static RuleAction setTo(long value) {
        return new SetTo(value);
    }

    /** Go back to the baseline. */
    static RuleAction restore() {
        return new Restore();
    }

    /** Multiplies by a ppm factor (1100000 = +10%). */
    record Scale(long factorPpm) implements RuleAction {
        public Scale {
            if (factorPpm <= 0) {
                throw new IllegalArgumentException("factorPpm: must be > 0, got " + factorPpm);
            }
        }

        @Override
        public long target(long current, long baseline) {
            return factorPpm >= Amounts.PPM ? Amounts.mulDivCeil(current, factorPpm, Amounts.PPM)
                    : Amounts.mulDivFloor(current, factorPpm, Amounts.PPM);
        }
    }

    /** Adds a fixed amount. */
    record Step(long delta) implements RuleAction {
        @Override
        public long target(long current, long baseline) {
            return Math.addExact(current, delta);
        }
    }

    /** Sets a fixed value. */
    record SetTo(long value) implements RuleAction {
        @Override
        public long target(long current, long baseline) {
            return value;
        }
    }

    /** Returns to the baseline. */
    record Restore() implements RuleAction {
        @Override
        public long target(long current, long baseline) {
            return baseline;
        }
    }
}
