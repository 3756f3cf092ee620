package backstop.protocol.waterfall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Orders the opposite-side accounts of a bankrupt position for auto-deleveraging, best candidates first, and
 * says how many lots each gives up (MECHANISMS.md §1–§3, §(b)1). Deterministic: ties go to the lower account id,
 * and any randomness comes from a seeded stream.
 */
public interface AdlRanking {
    /** Short name for configs and events. */
    String name();

    /** The candidates (ascending account id) in deleveraging order, best first. */
    List<AdlCandidate> rank(List<AdlCandidate> candidates);

    /**
     * Lots (≥ 0) each ranked candidate gives up to offset {@code lots} lots; never more than its position. The
     * default walks the queue: each takes min(remaining, its size) (dYdX, BitMEX, Binance, Hyperliquid).
     */
    default long[] allocate(List<AdlCandidate> ranked, long lots) {
        long[] out = new long[ranked.size()];
        long remaining = lots;
        for (int i = 0; i < out.length && remaining > 0; i++) {
            out[i] = Math.min(remaining, Math.abs(ranked.get(i).size()));
            remaining -= out[i];
        }
        return out;
    }

    /** The candidates sorted by a score, highest first, ties by account id; NaN ranks last. */
    static List<AdlCandidate> byScore(List<AdlCandidate> candidates, ToDoubleFunction<AdlCandidate> score) {
        List<AdlCandidate> out = new ArrayList<>(candidates);
        Comparator<AdlCandidate> order = Comparator.comparingDouble((AdlCandidate c) -> {
            double s = score.applyAsDouble(c);
            return Double.isNaN(s) ? Double.NEGATIVE_INFINITY : s;
        }).reversed().thenComparingInt(AdlCandidate::account);
        out.sort(order);
        return out;
    }

    /** |notional| / account value; +∞ when the account has no value left (it counts as infinitely levered). */
    static double leverage(AdlCandidate c) {
        return c.accountValue() <= 0 ? Double.POSITIVE_INFINITY : Math.abs(c.notional()) / (double) c.accountValue();
    }
}
