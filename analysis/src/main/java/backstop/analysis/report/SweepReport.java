package backstop.analysis.report;

import backstop.analysis.ResultFormatException;
import backstop.analysis.SweepResults;
import backstop.analysis.Table;
import backstop.analysis.TailRisk;
import backstop.analysis.charts.DesignComparisonChart;
import backstop.analysis.charts.ForestChart;
import backstop.analysis.stats.Estimate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The page for a sweep, in the order a reader asks: the verdict per design against the baseline on the loss others
 * bear and its forest plot, where that loss landed (stacked parts), tail risk ({@link TailRisk}: VaR and CVaR of
 * {@code loss_borne}, VaR of bad debt, LaR) with the loss's distribution over runs, one chart per key metric with every
 * run shown, curves against the varied parameters, losses by market, one seed under every design, then the tables.
 */
final class SweepReport {
    /**
     * Metrics charted when the sweep has them, led by the loss others bear and its largest parts, then liquidation
     * and cascade outcomes.
     */
    static final List<String> CHARTED = List.of("loss_borne", "bad_debt", "open_insolvency", "vault_loss",
            "liquidated_notional", "insurance_drawn", "socialized_loss", "max_cascade_size", "amplification");

    private SweepReport() {
    }

    static String html(Path dir) {
        SweepResults sweep = SweepResults.load(dir);
        Html page = new Html("Backstop sweep: " + dir.getFileName());
        page.paragraph(sweep.runs().rows() + " runs; designs " + sweep.designs() + "; " + sweep.seeds().length
                + " seeds; " + (sweep.parameters().isEmpty() ? "no parameters varied"
                : "varied parameters " + sweep.parameters()) + ".");

        List<ForestChart.Row> differences = verdict(page, sweep);
        String loss = verdictMetric(sweep);
        if (sweep.comparison().isPresent()) {
            SweepFigures.forest(dir, page, sweep, differences, loss, baseline(sweep.comparison().get()));
        }
        SweepFigures.decomposition(dir, page, sweep);
        tailRisk(page, sweep);
        // The run-level figures are on the loss runs.csv has, which may be newer than comparison.csv's.
        String runLoss = sweep.metrics().contains("loss_borne") ? "loss_borne" : "bad_debt";
        if (sweep.metrics().contains(runLoss)) {
            SweepFigures.distribution(dir, page, sweep, runLoss);
        }

        page.heading("Design comparison");
        page.paragraph("Each chart: every run as a grey dot, and the design's mean with its 95% percentile-bootstrap"
                + " interval (it stays within the values seen, so a loss or a count never gets a negative bound).");
        List<String> zero = new ArrayList<>();
        for (String metric : CHARTED) {
            if (!sweep.metrics().contains(metric)) {
                continue;
            }
            if (zeroEverywhere(sweep, metric)) {
                zero.add(sweep.label(metric));
            } else {
                Report.chart(dir, page, "compare_" + metric, sweep.label(metric) + " by design",
                        DesignComparisonChart.png(sweep, metric, Report.WIDTH, Report.HEIGHT));
            }
        }
        if (!zero.isEmpty()) {
            page.paragraph("0 in every run, so not charted: " + String.join(", ", zero) + ".");
        }
        if (sweep.metrics().contains(runLoss)) {
            SweepFigures.curves(dir, page, sweep, runLoss);
        }
        SweepFigures.byMarket(page, sweep);
        SweepFigures.overlays(dir, page, sweep);
        comparisonTable(page, sweep);
        byPoint(page, sweep);
        return page.finish();
    }

    /**
     * The first answer: per design, one line against the baseline on the loss others bear (paired differences from
     * comparison.csv: mean, 95% interval, share of seeds lower), worded by whether the interval excludes 0; none when
     * comparison.csv has neither loss_borne nor bad_debt.
     */
    private static List<ForestChart.Row> verdict(Html page, SweepResults sweep) {
        List<ForestChart.Row> differences = new ArrayList<>();
        if (sweep.comparison().isEmpty()) {
            return differences;
        }
        Table c = sweep.comparison().get();
        String metric = verdictMetric(sweep);
        if (!c.text("metric").contains(metric)) {
            // A sweep without a loss to compare (a study's replay, which reports its own metrics) has no verdict.
            return differences;
        }
        page.heading("Verdict: " + sweep.label(metric) + " against the baseline");
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < c.rows(); r++) {
            String baseline = c.cell(r, "baseline");
            if (!c.cell(r, "metric").equals(metric) || baseline.isEmpty() || c.cell(r, "design").equals(baseline)) {
                continue;
            }
            double diff = c.value(r, "mean_difference");
            double low = c.value(r, "difference_ci_low");
            double high = c.value(r, "difference_ci_high");
            int n = (int) c.value(r, "n");
            differences.add(new ForestChart.Row(c.cell(r, "design"), diff, low, high));
            rows.add(List.of(c.cell(r, "design"), words(diff, low, high, n, baseline), Html.number(diff),
                    Html.number(low) + " … " + Html.number(high), Integer.toString(n),
                    Html.number(100 * c.value(r, "share_lower")) + "%"));
        }
        if (rows.isEmpty()) {
            page.paragraph("No design besides the baseline to compare.");
            return differences;
        }
        page.table("verdict", List.of("design", "verdict", "mean difference", "95% interval", "seeds", "seeds lower"), rows);
        return differences;
    }

    /** The baseline design comparison.csv names (the baseline's own rows leave the cell empty). */
    static String baseline(Table comparison) {
        return comparison.text("baseline").stream().filter(b -> !b.isEmpty()).findFirst().orElse("the baseline");
    }

    /**
     * The loss the verdict is on: loss_borne, or bad_debt in sweeps whose comparison.csv (or, without one, runs.csv) was
     * written before the decomposition.
     */
    static String verdictMetric(SweepResults sweep) {
        List<String> metrics = sweep.comparison().map(c -> c.text("metric")).orElse(sweep.metrics());
        return metrics.contains("loss_borne") ? "loss_borne" : "bad_debt";
    }

    /** "loses less than none", "loses more than none", "no clear difference from none" or "the same as none". */
    static String words(double diff, double low, double high, int n, String baseline) {
        if (diff == 0 && low == 0 && high == 0) {
            return "the same as " + baseline + " on every seed";
        }
        if (n < 2 || Double.isNaN(low) || Double.isNaN(high)) {
            return "too few seeds for an interval (" + n + ")";
        }
        if (high < 0) {
            return "loses less than " + baseline;
        }
        if (low > 0) {
            return "loses more than " + baseline;
        }
        return "no clear difference from " + baseline;
    }

    static boolean zeroEverywhere(SweepResults sweep, String metric) {
        for (String design : sweep.designs()) {
            for (double v : sweep.metric(design, metric)) {
                if (v != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * VaR and CVaR of loss_borne (of bad_debt, said so, in a runs.csv written before it), VaR of bad debt, LaR; a
     * sentence naming the missing columns instead when runs.csv lacks them.
     */
    private static void tailRisk(Html page, SweepResults sweep) {
        page.heading("Tail risk (95th percentiles across runs, and the mean of the worst 5%; quote units)");
        String loss;
        try {
            loss = TailRisk.lossMetric(sweep);
        } catch (ResultFormatException e) {
            page.paragraph(e.getMessage().replace(sweep.runs().source(), "runs.csv") + ".");
            return;
        }
        TailRisk.fallbackNote(sweep).ifPresent(page::paragraph);
        boolean badDebtToo = !loss.equals(TailRisk.FALLBACK) && sweep.metrics().contains(TailRisk.FALLBACK);
        List<String> header = new ArrayList<>(List.of("design", "runs", "VaR (" + loss + ")", "CVaR (" + loss + ")"));
        if (badDebtToo) {
            header.add("VaR (" + TailRisk.FALLBACK + ")");
        }
        header.add("LaR (" + TailRisk.LIQUIDATED + ")");
        List<List<String>> rows = new ArrayList<>();
        int fewest = Integer.MAX_VALUE;
        for (TailRisk t : TailRisk.byDesign(sweep)) {
            fewest = Math.min(fewest, t.runs());
            List<String> row = new ArrayList<>(List.of(t.design(), Integer.toString(t.runs()),
                    Html.number(t.valueAtRisk()), Html.number(t.expectedShortfall())));
            if (badDebtToo) {
                row.add(Html.number(t.badDebtAtRisk()));
            }
            row.add(Html.number(t.liquidationsAtRisk()));
            rows.add(row);
        }
        if (fewest < MIN_RUNS_FOR_PERCENTILE) {
            page.paragraph(fewWarning(fewest));
        }
        page.table(header, rows);
    }

    /** Below this many runs per design, a 95th percentile is little more than the largest value seen. */
    static final int MIN_RUNS_FOR_PERCENTILE = 20;

    static String fewWarning(int runs) {
        return "Warning: " + runs + " run" + (runs == 1 ? "" : "s") + " per design at the fewest; a 95th percentile needs"
                + " at least " + MIN_RUNS_FOR_PERCENTILE + " to be more than the largest value seen, so read these as"
                + " the worst runs, not as percentiles (add replications).";
    }

    /** The charted metrics of comparison_by_point.csv, one row per point, design and metric. */
    private static void byPoint(Html page, SweepResults sweep) {
        if (sweep.comparisonByPoint().isEmpty()) {
            return;
        }
        Table c = sweep.comparisonByPoint().get();
        page.heading("By parameter point (comparison_by_point.csv, charted metrics)");
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < c.rows(); r++) {
            if (!CHARTED.contains(c.cell(r, "metric"))) {
                continue;
            }
            List<String> row = new ArrayList<>();
            for (String col : c.columns()) {
                String cell = c.cell(r, col);
                row.add(isNumber(cell) && !col.startsWith("param:") && !col.equals("point")
                        ? Html.number(Double.parseDouble(cell)) : cell);
            }
            rows.add(row);
        }
        page.table(c.columns(), rows);
    }

    /**
     * Per design and metric: the mean with its 95% percentile-bootstrap interval from runs.csv (within the values seen,
     * so never below 0 for a loss or a count), and with comparison.csv the paired difference from the baseline with its
     * t interval (a difference may be negative) and the shares of seeds lower and higher.
     */
    private static void comparisonTable(Html page, SweepResults sweep) {
        Optional<Table> comparison = sweep.comparison();
        page.paragraph("Means with 95% percentile-bootstrap intervals from runs.csv" + (comparison.isPresent()
                ? "; paired differences from the baseline on common seeds, with 95% t intervals, from comparison.csv."
                : " (no comparison.csv: no paired differences)."));
        List<String> header = new ArrayList<>(List.of("design", "metric", "n", "mean", "95% interval"));
        if (comparison.isPresent()) {
            header.addAll(List.of("baseline", "mean difference", "difference 95% interval", "seeds lower", "seeds higher"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (String design : sweep.designs()) {
            for (String metric : sweep.metrics()) {
                Estimate e = DesignComparisonChart.estimate(sweep.metric(design, metric));
                List<String> row = new ArrayList<>(List.of(design, metric, Integer.toString(e.n()), Html.number(e.mean()),
                        interval(e.ciLow(), e.ciHigh())));
                comparison.ifPresent(c -> row.addAll(paired(c, design, metric)));
                rows.add(row);
            }
        }
        page.table(header, rows);
    }

    /** The comparison.csv cells of one design and metric: baseline, difference, its interval, shares; blanks when absent. */
    private static List<String> paired(Table c, String design, String metric) {
        for (int r = 0; r < c.rows(); r++) {
            if (c.cell(r, "design").equals(design) && c.cell(r, "metric").equals(metric)) {
                if (c.cell(r, "mean_difference").isEmpty()) {
                    return List.of("(baseline)", "", "", "", "");
                }
                return List.of(c.cell(r, "baseline"), Html.number(c.value(r, "mean_difference")),
                        interval(c.value(r, "difference_ci_low"), c.value(r, "difference_ci_high")),
                        Html.number(100 * c.value(r, "share_lower")) + "%",
                        Html.number(100 * c.value(r, "share_higher")) + "%");
            }
        }
        return List.of("", "", "", "", "");
    }

    private static String interval(double low, double high) {
        return Double.isFinite(low) && Double.isFinite(high) ? Html.number(low) + " … " + Html.number(high) : "";
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
