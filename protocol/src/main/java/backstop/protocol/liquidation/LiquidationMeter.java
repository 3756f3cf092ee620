package backstop.protocol.liquidation;

import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Metric;
import backstop.protocol.metric.Metric.Group;
import backstop.protocol.metric.Metric.Unit;
import backstop.protocol.metric.Readings;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What liquidation policies did, from their events: the steps that closed something (a {@code liquidation_settled}
 * with a size closed; attempts that found no liquidity are not liquidations), how many of those began as partial
 * liquidations, and the notional they closed — per market and in total.
 */
public final class LiquidationMeter implements Meter {
    public static final Metric COUNT = Metric.perMarket("liquidation_count", Group.LIQUIDATIONS, Unit.COUNT,
            "liquidation steps that closed something");
    public static final Metric PARTIAL = Metric.of("partial_liquidation_count", Group.LIQUIDATIONS, Unit.COUNT,
            "of those, steps that closed part of a position");
    public static final Metric NOTIONAL = Metric.perMarket("liquidated_notional", Group.LIQUIDATIONS, Unit.QUOTE,
            "notional closed by liquidations");
    private static final List<Metric> METRICS = List.of(COUNT, PARTIAL, NOTIONAL);

    private final long[] count;
    private final long[] notional;
    private long partial;
    private final Set<Long> partialIds = new HashSet<>();

    public LiquidationMeter(int markets) {
        count = new long[markets];
        notional = new long[markets];
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    @Override
    public void accept(ProtocolEvent e) {
        if (e instanceof ProtocolEvent.Liquidation l && l.partial()) {
            partialIds.add(l.id());
        } else if (e instanceof ProtocolEvent.LiquidationSettled s && s.sizeClosed() > 0) {
            count[s.market()]++;
            notional[s.market()] += s.notional();
            if (partialIds.remove(s.causeId())) {
                partial++;
            }
        }
    }

    @Override
    public void read(int scope, Readings out) {
        if (scope == RUN) {
            out.put(COUNT, Meter.sum(count)).put(PARTIAL, partial).put(NOTIONAL, Meter.sum(notional));
        } else if (scope >= 0) {
            out.put(COUNT, count[scope]).put(NOTIONAL, notional[scope]);
        }
    }
}
