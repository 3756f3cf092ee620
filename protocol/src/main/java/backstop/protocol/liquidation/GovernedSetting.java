package backstop.protocol.liquidation;

import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;

/**
 * One bounded value of a liquidation policy that governance may change mid-run: its constructor value until
 * the protocol registers it (as {@code liquidation.*}), the live {@link Parameter} after that.
 */
final class GovernedSetting {
    private final String name;
    private final String description;
    private final long initial;
    private final long min;
    private final long max;
    private Parameter parameter;

    /** Throws naming {@code argument} when {@code initial} is outside [min, max]. */
    GovernedSetting(String name, String argument, String description, long initial, long min, long max) {
        if (initial < min || initial > max) {
            throw new IllegalArgumentException(argument + ": must be in [" + min + ", " + max + "], got " + initial);
        }
        this.name = name;
        this.description = description;
        this.initial = initial;
        this.min = min;
        this.max = max;
    }

    void register(Parameters parameters) {
        parameter = parameters.define(name, description, initial, min, max);
    }

    long get() {
        return parameter == null ? initial : parameter.value();
    }

    String name() {
        return name;
    }
}
