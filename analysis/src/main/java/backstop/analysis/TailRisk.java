package backstop.analysis;

import backstop.analysis.stats.Quantiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Gauntlet's tail metrics for one design (MECHANISMS.md §10), led by the loss others bear: VaR, the 95th percentile of
 * {@code loss_borne} across runs, and CVaR, the mean of the worst ⌈5% of n⌉ runs' {@code loss_borne}; then the 95th
 * percentile of {@code bad_debt} (the realised deficits alone, which miss vault losses, open insolvency and unsold
 * auction inventory) and LaR, the 95th percentile of liquidated notional. Quote units, type-7 quantiles. A runs.csv
 * written before the loss decomposition has no {@code loss_borne}: VaR and CVaR are then of {@code bad_debt}, as
 * {@link #lossMetric} says and {@link #fallbackNote} explains.
 *
 * @param lossMetric         the runs.csv column VaR and CVaR are of: {@link #LEAD}, or {@link #FALLBACK} in old files
 * @param badDebtAtRisk      95th percentile of bad debt; NaN when runs.csv has no {@code bad_debt}
 */
public record TailRisk(String design, int runs, String lossMetric, double valueAtRisk, double expectedShortfall,
                       double badDebtAtRisk, double liquidationsAtRisk) {
    /** The percentile VaR, bad debt at risk and LaR use; CVaR averages the runs beyond it. */
    public static final double LEVEL = 0.95;
    /** The column tail risk leads with. */
    public static final String LEAD = "loss_borne";
    /** What VaR and CVaR are of in a runs.csv without {@link #LEAD}. */
    public static final String FALLBACK = "bad_debt";
    /** The column LaR is of. */
    public static final String LIQUIDATED = "liquidated_notional";

    /**
     * From the per-run losses ({@code lossMetric}'s values), bad debt and liquidated notional of one design, all in the
     * same run order.
     */
    public static TailRisk of(String design, String lossMetric, double[] losses, double[] badDebt,
                              double[] liquidatedNotional) {
        if (losses.length != badDebt.length || losses.length != liquidatedNotional.length) {
            throw new IllegalArgumentException(design + ": " + losses.length + " " + lossMetric + " values, "
                    + badDebt.length + " bad-debt values and " + liquidatedNotional.length + " liquidated-notional values");
        }
        return new TailRisk(design, losses.length, lossMetric, Quantiles.of(losses, LEVEL), expectedShortfall(losses),
                Quantiles.of(badDebt, LEVEL), Quantiles.of(liquidatedNotional, LEVEL));
    }

    /**
     * The mean of the worst ⌈n × (1 − {@link #LEVEL})⌉ values, at least one (the discrete expected shortfall); NaN
     * when empty.
     */
    public static double expectedShortfall(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        // 1e-9 keeps 20 × 0.05 (1.0000000000000009 in doubles) at one run.
        int k = Math.max(1, (int) Math.ceil(values.length * (1 - LEVEL) - 1e-9));
        double sum = 0;
        for (int i = sorted.length - k; i < sorted.length; i++) {
            sum += sorted[i];
        }
        return sum / k;
    }

    /**
     * The column VaR and CVaR are of in this sweep: {@link #LEAD}, or {@link #FALLBACK} when runs.csv predates it.
     *
     * @throws ResultFormatException naming runs.csv and the missing columns when tail risk cannot be computed
     */
    public static String lossMetric(SweepResults sweep) {
        List<String> metrics = sweep.metrics();
        List<String> missing = new ArrayList<>();
        if (!metrics.contains(LEAD) && !metrics.contains(FALLBACK)) {
            missing.add(LEAD + " (or, in files written before it, " + FALLBACK + ")");
        }
        if (!metrics.contains(LIQUIDATED)) {
            missing.add(LIQUIDATED);
        }
        if (!missing.isEmpty()) {
            throw new ResultFormatException(sweep.runs().source() + ": no tail risk without the column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(" and ", missing));
        }
        return metrics.contains(LEAD) ? LEAD : FALLBACK;
    }

    /** Why VaR and CVaR are not of {@link #LEAD}, when runs.csv lacks that column; empty when they are. */
    public static Optional<String> fallbackNote(SweepResults sweep) {
        if (sweep.metrics().contains(LEAD) || !sweep.metrics().contains(FALLBACK)) {
            return Optional.empty();
        }
        return Optional.of("runs.csv has no " + LEAD + " column (it was written before the loss "
                + "decomposition): VaR and CVaR are of " + FALLBACK + ", which misses vault losses, open insolvent "
                + "accounts and unsold auction inventory. Rerun the sweep for " + LEAD + ".");
    }

    /**
     * One per design of a sweep, in the sweep's design order, from runs.csv's {@link #lossMetric}, {@code bad_debt}
     * and {@code liquidated_notional}.
     *
     * @throws ResultFormatException when runs.csv lacks the columns ({@link #lossMetric})
     */
    public static List<TailRisk> byDesign(SweepResults sweep) {
        String loss = lossMetric(sweep);
        boolean hasBadDebt = sweep.metrics().contains(FALLBACK);
        List<TailRisk> out = new ArrayList<>();
        for (String d : sweep.designs()) {
            double[] losses = sweep.metric(d, loss);
            double[] badDebt = hasBadDebt ? sweep.metric(d, FALLBACK) : nan(losses.length);
            out.add(of(d, loss, losses, badDebt, sweep.metric(d, LIQUIDATED)));
        }
        return out;
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }
}
