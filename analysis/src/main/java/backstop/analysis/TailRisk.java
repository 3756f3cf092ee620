package backstop.analysis;

import backstop.analysis.stats.Quantiles;

import java.util.ArrayList;
import java.util.List;

/**
 * Gauntlet's tail metrics for one design (MECHANISMS.md §10): VaR, the 95th percentile of bad debt across
 * runs, and LaR, the 95th percentile of liquidated notional; both in quote units, type-7 quantiles.
 */
public record TailRisk(String design, int runs, double valueAtRisk, double liquidationsAtRisk) {
    /** The percentile both metrics use. */
    public static final double LEVEL = 0.95;

    /** From the per-run bad debt and liquidated notional of one design. */
    public static TailRisk of(String design, double[] badDebt, double[] liquidatedNotional) {
        if (badDebt.length != liquidatedNotional.length) {
            throw new IllegalArgumentException(design + ": " + badDebt.length + " bad-debt values but "
                    + liquidatedNotional.length + " liquidated-notional values");
        }
        return new TailRisk(design, badDebt.length, Quantiles.of(badDebt, LEVEL), Quantiles.of(liquidatedNotional, LEVEL));
    }

    /** One per design of a sweep, in the sweep's design order, from runs.csv's {@code bad_debt} and {@code liquidated_notional}. */
    public static List<TailRisk> byDesign(SweepResults sweep) {
        List<TailRisk> out = new ArrayList<>();
        for (String d : sweep.designs()) {
            out.add(of(d, sweep.metric(d, "bad_debt"), sweep.metric(d, "liquidated_notional")));
        }
        return out;
    }
}
