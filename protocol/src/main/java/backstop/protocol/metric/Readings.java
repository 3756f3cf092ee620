package backstop.protocol.metric;

import backstop.protocol.money.Amounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values one {@link Meter} puts for one scope, checked against what it declared: each metric once, counts as
 * whole numbers, quote amounts in micro-units (or already in quote units where the producer only has a decimal, such
 * as an agent's payoff with an external venue's PnL in it), the rest as decimals. Values come out as files write them:
 * counts as {@code Long}, everything else as {@code Double} with amounts in quote units.
 */
public final class Readings {
    private final Map<Metric, Object> values = new LinkedHashMap<>();
    private final List<Metric> declared;

    Readings(List<Metric> declared) {
        this.declared = declared;
    }

    /** A count, or a quote amount in micro-units. */
    public Readings put(Metric m, long value) {
        Object v = switch (m.unit()) {
            case COUNT -> value;
            case QUOTE -> Amounts.toUnits(value);
            default -> throw new IllegalArgumentException(m.name() + " is in " + m.unit() + ", not a whole number");
        };
        return set(m, v);
    }

    /** A fraction, ratio, duration, or a quote amount already in quote units. */
    public Readings put(Metric m, double value) {
        if (m.unit() == Metric.Unit.COUNT) {
            throw new IllegalArgumentException(m.name() + " is a count, not " + value);
        }
        return set(m, value);
    }

    private Readings set(Metric m, Object v) {
        if (!declared.contains(m)) {
            throw new IllegalArgumentException("metric " + m.name() + " is not declared by the meter that reports it");
        }
        if (values.putIfAbsent(m, v) != null) {
            throw new IllegalStateException("metric " + m.name() + " reported twice");
        }
        return this;
    }

    Object get(Metric m) {
        return values.get(m);
    }
}
