package backstop.analysis.report;

import backstop.analysis.ResultFormatException;
import backstop.analysis.RunResults;
import backstop.analysis.SweepResults;
import backstop.analysis.Table;
import backstop.analysis.charts.EcdfChart;
import backstop.analysis.charts.ForestChart;
import backstop.analysis.charts.LossDecompositionChart;
import backstop.analysis.charts.OverlayChart;
import backstop.analysis.charts.ParameterCurveChart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sweep report's figures beyond the per-metric comparison: the forest plot of paired differences, the loss
 * decomposition per design, the distribution of the loss over runs, metric-against-parameter curves, losses by market
 * and the fund and mark of one seed under every design.
 */
final class SweepFigures {
    private SweepFigures() {
    }

    /** The verdict's paired differences as a forest plot, one row per design but the baseline. */
    static void forest(Path dir, Html page, SweepResults sweep, List<ForestChart.Row> rows, String metric, String baseline) {
        if (rows.isEmpty()) {
            return;
        }
        Report.chart(dir, page, "forest_" + metric, "paired difference of " + sweep.label(metric) + " from "
                + baseline, ForestChart.png(rows, sweep.label(metric), baseline, Report.WIDTH,
                Math.max(220, 90 + 45 * rows.size())));
    }

    /** Stacked bars of the parts of loss_borne per design, or a sentence when there is nothing to stack. */
    static void decomposition(Path dir, Html page, SweepResults sweep) {
        if (!LossDecompositionChart.applies(sweep)) {
            return;
        }
        page.heading("Where the loss landed");
        if (LossDecompositionChart.means(sweep).getRowCount() == 0) {
            page.paragraph("No design's runs left a loss on anybody but the defaulting accounts: every part of"
                    + " loss_borne is 0 in every run.");
            return;
        }
        Report.chart(dir, page, "loss_decomposition", "loss borne by others, by who bore it, per design",
                LossDecompositionChart.png(sweep, Report.WIDTH, Report.HEIGHT));
    }

    /** The ECDF of the tail metric over runs, when it is not 0 everywhere. */
    static void distribution(Path dir, Html page, SweepResults sweep, String metric) {
        if (SweepReport.zeroEverywhere(sweep, metric)) {
            return;
        }
        Report.chart(dir, page, "ecdf_" + metric, "distribution of " + sweep.label(metric) + " over runs",
                EcdfChart.png(sweep, metric, Report.WIDTH, Report.HEIGHT));
    }

    /** One curve chart per numeric varied parameter, for the loss metric. */
    static void curves(Path dir, Html page, SweepResults sweep, String metric) {
        List<String> numeric = sweep.parameters().stream().filter(p -> ParameterCurveChart.numeric(sweep, p)).toList();
        if (numeric.isEmpty()) {
            return;
        }
        page.heading(sweep.label(metric) + " against the varied parameters");
        for (String p : numeric) {
            Report.chart(dir, page, "curve_" + metric + "_" + p.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", ""),
                    sweep.label(metric) + " against " + p,
                    ParameterCurveChart.png(sweep, metric, p, Report.WIDTH, Report.HEIGHT));
        }
    }

    /**
     * Mean loss borne and bad debt per market and design, from each run's markets.csv (the vault's row included: its
     * PnL spans markets), so the rows of one design add up to its mean loss_borne.
     */
    static void byMarket(Html page, SweepResults sweep) {
        Map<String, Map<String, double[]>> sums = new LinkedHashMap<>();
        int missing = 0;
        for (String design : sweep.designs()) {
            for (String id : sweep.runIds(design)) {
                Path file = sweep.dir().resolve("runs").resolve(id).resolve("markets.csv");
                if (!Files.isRegularFile(file)) {
                    missing++;
                    continue;
                }
                Table m = RunResults.load(file.getParent()).byMarket();
                if (!m.has("loss_borne") || !m.has("bad_debt")) {
                    missing++;
                    continue;
                }
                for (int r = 0; r < m.rows(); r++) {
                    double[] s = sums.computeIfAbsent(design, d -> new TreeMap<>())
                            .computeIfAbsent(m.cell(r, "market"), k -> new double[3]);
                    s[0] += m.value(r, "loss_borne");
                    s[1] += m.value(r, "bad_debt");
                    s[2]++;
                }
            }
        }
        if (sums.isEmpty()) {
            return;
        }
        page.heading("Losses by market (mean per run, quote units)");
        if (missing > 0) {
            page.paragraph(missing + " run folder" + (missing == 1 ? " has" : "s have")
                    + " no markets.csv with loss_borne and bad_debt; the means are over the others.");
        }
        List<List<String>> rows = new ArrayList<>();
        sums.forEach((design, markets) -> markets.forEach((market, s) -> rows.add(List.of(design, market,
                Html.number(s[0] / s[2]), Html.number(s[1] / s[2]), Integer.toString((int) s[2])))));
        page.table(List.of("design", "market", "loss borne (quote)", "bad debt (quote)", "runs"), rows);
    }

    /**
     * The insurance fund and the first market's mark over time under every design, for the lowest seed (the first run of
     * each design), so the lines differ only by design.
     */
    static void overlays(Path dir, Html page, SweepResults sweep) {
        Map<String, Table> series = new LinkedHashMap<>();
        String mark = null;
        for (String design : sweep.designs()) {
            String id = sweep.runIds(design).get(0);
            Path folder = sweep.dir().resolve("runs").resolve(id);
            if (!Files.isRegularFile(folder.resolve("timeseries.csv"))) {
                continue;
            }
            try {
                RunResults run = RunResults.load(folder);
                series.put(design, run.timeseries());
                if (mark == null && !run.markets().isEmpty()) {
                    mark = run.markets().get(0) + "_mark";
                }
            } catch (ResultFormatException e) {
                page.paragraph("Run " + id + " is left out of the overlays: " + e.getMessage());
            }
        }
        if (series.size() < 2) {
            return;
        }
        long seed = sweep.seeds()[0];
        page.heading("Seed " + seed + " under every design");
        page.paragraph("The first run of each design (seed " + seed + (sweep.parameters().isEmpty() ? "" : ", first parameter point")
                + "): the same random numbers, so the lines differ only by design.");
        Report.chart(dir, page, "overlay_insurance_fund", "insurance fund over time, by design",
                OverlayChart.png(series, "insurance_fund", "Insurance fund, seed " + seed, "quote units", Report.WIDTH,
                        Report.HEIGHT));
        if (mark != null) {
            Report.chart(dir, page, "overlay_" + mark, mark.replace('_', ' ') + " over time, by design",
                    OverlayChart.png(series, mark, "Mark price of " + mark.substring(0, mark.length() - 5).toUpperCase()
                            + ", seed " + seed, "quote per unit", Report.WIDTH, Report.HEIGHT));
        }
    }
}
