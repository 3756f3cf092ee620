package backstop.protocol.breaker;

import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Metric;
import backstop.protocol.metric.Metric.Group;
import backstop.protocol.metric.Metric.Unit;
import backstop.protocol.metric.Readings;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What circuit breakers did: market halts they tripped (a {@code halt} event that halts a market), per market and in
 * total, and the seconds during which at least one market was halted at the end of a block ({@code anyHalted}).
 */
public final class HaltMeter implements Meter {
    public static final Metric COUNT = Metric.perMarket("halt_count", Group.MARKET, Unit.COUNT, "market halts");
    public static final Metric SECONDS = Metric.of("halted_seconds", Group.MARKET, Unit.SECONDS,
            "seconds during which at least one market was halted");
    private static final List<Metric> METRICS = List.of(COUNT, SECONDS);

    private final long[] halts;
    private final BooleanSupplier anyHalted;
    private double haltedSeconds;

    public HaltMeter(int markets, BooleanSupplier anyHalted) {
        this.halts = new long[markets];
        this.anyHalted = anyHalted;
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    @Override
    public void accept(ProtocolEvent e) {
        if (e instanceof ProtocolEvent.Halt h && h.halted() && h.market() >= 0) {
            halts[h.market()]++;
        }
    }

    @Override
    public void endOfBlock(double blockSeconds) {
        if (anyHalted.getAsBoolean()) {
            haltedSeconds += blockSeconds;
        }
    }

    @Override
    public void read(int scope, Readings out) {
        if (scope == RUN) {
            out.put(COUNT, Meter.sum(halts)).put(SECONDS, haltedSeconds);
        } else if (scope >= 0) {
            out.put(COUNT, halts[scope]);
        }
    }
}
