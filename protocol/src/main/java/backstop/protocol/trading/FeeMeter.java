package backstop.protocol.trading;

import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Metric;
import backstop.protocol.metric.Metric.Group;
import backstop.protocol.metric.Metric.Unit;
import backstop.protocol.metric.Readings;

import java.util.List;

/** Trading fees the protocol took on fills, maker rebates (negative maker fees) netted. */
public final class FeeMeter implements Meter {
    public static final Metric FEES = Metric.of("protocol_fees", Group.AGENTS, Unit.QUOTE,
            "trading fees on fills, net of maker rebates");
    private long fees;

    @Override
    public List<Metric> metrics() {
        return List.of(FEES);
    }

    @Override
    public void accept(ProtocolEvent e) {
        if (e instanceof ProtocolEvent.Fill f) {
            fees += f.takerFee() + f.makerFee();
        }
    }

    @Override
    public void read(int scope, Readings out) {
        if (scope == RUN) {
            out.put(FEES, fees);
        }
    }
}
