package backstop.model.oracle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Combines sources into the protocol's oracle price: the weighted median of the latest arrived publications
 * (Hyperliquid weights Binance 3, OKX 2, Bybit 2, others 1, MECHANISMS.md §2). Optionally drops sources more
 * than {@code maxDeviation} away from the plain median first, so one manipulated thin venue cannot move it.
 */
public final class OracleAggregator {
    private final List<OracleSource> sources;
    private final double maxDeviation;

    /** {@code maxDeviation} ≤ 0 disables the deviation guard. */
    public OracleAggregator(List<OracleSource> sources, double maxDeviation) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("oracle: at least one source is required");
        }
        this.sources = List.copyOf(sources);
        this.maxDeviation = maxDeviation;
    }

    /** Samples every source at {@code now}. */
    public void sample(double now) {
        for (OracleSource s : sources) {
            s.sample(now);
        }
    }

    /** The aggregated price now, NaN until some source has delivered. */
    public double price() {
        List<OracleSource> live = new ArrayList<>();
        for (OracleSource s : sources) {
            if (!Double.isNaN(s.delivered())) {
                live.add(s);
            }
        }
        if (live.isEmpty()) {
            return Double.NaN;
        }
        if (maxDeviation > 0 && live.size() >= 3) {
            double median = weightedMedian(live, true);
            live.removeIf(s -> Math.abs(s.delivered() / median - 1) > maxDeviation);
        }
        return weightedMedian(live, false);
    }

    /** Weighted median: the smallest value at which the cumulative weight reaches half the total. */
    static double weightedMedian(List<OracleSource> live, boolean unweighted) {
        List<OracleSource> sorted = new ArrayList<>(live);
        sorted.sort(Comparator.comparingDouble(OracleSource::delivered).thenComparing(OracleSource::name));
        double total = 0;
        for (OracleSource s : sorted) {
            total += unweighted ? 1 : s.weight();
        }
        double cumulative = 0;
        for (OracleSource s : sorted) {
            cumulative += unweighted ? 1 : s.weight();
            if (cumulative >= total / 2) {
                return s.delivered();
            }
        }
        return sorted.get(sorted.size() - 1).delivered();
    }

    public List<OracleSource> sources() {
        return sources;
    }
}
