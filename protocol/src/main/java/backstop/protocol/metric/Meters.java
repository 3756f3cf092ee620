package backstop.protocol.metric;

import backstop.protocol.event.EventSink;
import backstop.protocol.event.ProtocolEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's meters in summary order: it passes each event and each block's end to all of them, and reads them into the
 * flat name → value maps of {@code summary.json} and {@code markets.csv}. Names must be unique across meters, and a
 * meter must report every metric it declares (for {@link Meter#VAULT}, those it has there), so no number is silently
 * left out.
 */
public final class Meters implements EventSink {
    private final List<Meter> meters;
    private final List<Metric> metrics;

    public Meters(List<? extends Meter> meters) {
        this.meters = List.copyOf(meters);
        List<Metric> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Meter m : this.meters) {
            for (Metric metric : m.metrics()) {
                if (!names.add(metric.name())) {
                    throw new IllegalArgumentException("two meters report " + metric.name());
                }
                all.add(metric);
            }
        }
        this.metrics = List.copyOf(all);
    }

    /** Every metric, in summary order. */
    public List<Metric> metrics() {
        return metrics;
    }

    /** The metrics {@code markets.csv} has per market, in order. */
    public List<Metric> perMarket() {
        return metrics.stream().filter(Metric::perMarket).toList();
    }

    @Override
    public void accept(ProtocolEvent e) {
        for (Meter m : meters) {
            m.accept(e);
        }
    }

    /** A block has closed. */
    public void endOfBlock(double blockSeconds) {
        for (Meter m : meters) {
            m.endOfBlock(blockSeconds);
        }
    }

    /** The run's totals, name → value in summary order (counts {@code Long}, the rest {@code Double}). */
    public Map<String, Object> summary() {
        return read(Meter.RUN, metrics);
    }

    /** One market's row ({@code market} ≥ 0) or the vault's ({@link Meter#VAULT}), over the per-market metrics. */
    public Map<String, Object> market(int market) {
        if (market < 0 && market != Meter.VAULT) {
            throw new IllegalArgumentException("not a market row: " + market);
        }
        return read(market, perMarket());
    }

    private Map<String, Object> read(int scope, List<Metric> wanted) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Meter m : meters) {
            List<Metric> declared = scope == Meter.RUN ? m.metrics() : m.metrics().stream().filter(Metric::perMarket).toList();
            if (declared.isEmpty()) {
                continue;
            }
            Readings r = new Readings(declared);
            m.read(scope, r);
            for (Metric metric : declared) {
                Object v = r.get(metric);
                if (v == null && scope != Meter.VAULT) {
                    throw new IllegalStateException("metric " + metric.name() + " was declared but not reported");
                }
                out.put(metric.name(), v != null ? v : absent(metric));
            }
        }
        assert List.copyOf(out.keySet()).equals(wanted.stream().map(Metric::name).toList());
        return out;
    }

    /** What a market row shows for a metric that has no part in the vault's row. */
    private static Object absent(Metric m) {
        return switch (m.unit()) {
            case COUNT -> 0L;
            case QUOTE -> 0.0;
            default -> Double.NaN;
        };
    }
}
