package backstop.protocol.waterfall;

import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Metric;
import backstop.protocol.metric.Metric.Group;
import backstop.protocol.metric.Metric.Unit;
import backstop.protocol.metric.Readings;

import java.util.List;

/**
 * What auto-deleveraging did, from its {@value AutoDeleveraging#KIND} position transfers: how many, and the notional
 * they moved at the ADL price, per market and in total. Zero under a design without ADL.
 */
public final class AdlMeter implements Meter {
    public static final Metric COUNT = Metric.perMarket("adl_count", Group.LIQUIDATIONS, Unit.COUNT,
            "auto-deleveraging transfers");
    public static final Metric NOTIONAL = Metric.perMarket("adl_notional", Group.LIQUIDATIONS, Unit.QUOTE,
            "notional deleveraged");
    private static final List<Metric> METRICS = List.of(COUNT, NOTIONAL);

    private final List<MarketSpec> markets;
    private final long[] count;
    private final long[] notional;

    /** Counts the ADL transfers of these markets (by market id). */
    public AdlMeter(List<MarketSpec> markets) {
        this.markets = List.copyOf(markets);
        this.count = new long[markets.size()];
        this.notional = new long[markets.size()];
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    @Override
    public void accept(ProtocolEvent e) {
        if (e instanceof ProtocolEvent.PositionTransfer t && t.kind().equals(AutoDeleveraging.KIND)) {
            count[t.market()]++;
            notional[t.market()] += Math.abs(markets.get(t.market()).notional(t.size(), t.price()));
        }
    }

    @Override
    public void read(int scope, Readings out) {
        if (scope == RUN) {
            out.put(COUNT, Meter.sum(count)).put(NOTIONAL, Meter.sum(notional));
        } else if (scope >= 0) {
            out.put(COUNT, count[scope]).put(NOTIONAL, notional[scope]);
        }
    }
}
