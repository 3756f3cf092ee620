package backstop.experiments.results;

import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Metric;
import backstop.protocol.metric.Metric.Group;
import backstop.protocol.metric.Metric.Unit;
import backstop.protocol.metric.Readings;

import java.util.List;

/** How big a run was: accounts opened, blocks closed, and its wall-clock time (the one value replays do not share). */
public final class RunSize implements Meter {
    public static final Metric ACCOUNTS = Metric.of("accounts", Group.RUN, Unit.COUNT, "accounts opened");
    public static final Metric BLOCKS = Metric.of("blocks", Group.RUN, Unit.COUNT, "blocks run");
    public static final Metric WALL = Metric.of("wall_seconds", Group.RUN, Unit.SECONDS,
            "wall-clock time of the run (the one value that differs between replays)");
    private static final List<Metric> METRICS = List.of(ACCOUNTS, BLOCKS, WALL);

    private final RunMetrics metrics;
    private final double wallSeconds;

    /** The size of the run {@code metrics} followed, which took {@code wallSeconds}. */
    public RunSize(RunMetrics metrics, double wallSeconds) {
        this.metrics = metrics;
        this.wallSeconds = wallSeconds;
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    @Override
    public void read(int scope, Readings out) {
        if (scope == RUN) {
            out.put(ACCOUNTS, metrics.attached() ? metrics.protocol().accounts().count() : 0)
                    .put(BLOCKS, metrics.blocks()).put(WALL, wallSeconds);
        }
    }
}
