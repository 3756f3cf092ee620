package backstop.analysis.report;

import backstop.analysis.Results;
import backstop.analysis.RunResults;
import backstop.analysis.Table;
import backstop.analysis.cascade.Cascade;
import backstop.analysis.cascade.Cascades;
import backstop.analysis.charts.CascadeSizeChart;
import backstop.analysis.charts.FlowChart;
import backstop.analysis.charts.FundChart;
import backstop.analysis.charts.PriceChart;
import backstop.analysis.facts.StylizedFacts;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The page for one run: headline, summary (also by market), charts, cascades rebuilt from the events, stylized facts. */
final class RunReport {
    /** Mark-vs-index band of the stylized facts: 0.5%. */
    static final double BAND = 0.005;
    private static final int LARGEST_CASCADES = 10;

    private RunReport() {
    }

    static String html(Path dir) {
        RunResults run = Results.load(dir);
        JsonNode m = run.manifest();
        Html page = new Html("Backstop run: " + m.path("scenario").asText("?") + " / " + m.path("design").asText("?")
                + " / seed " + m.path("seed").asText("?"));
        page.paragraph("version " + m.path("version").asText("?") + ", state hash " + m.path("state_hash").asText("?")
                + ", overrides " + m.path("overrides"));
        page.heading("Summary");
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Double> e : run.summary().entrySet()) {
            rows.add(List.of(e.getKey(), Html.number(e.getValue())));
        }
        page.table(List.of("metric", "value"), rows);
        byMarket(page, run, dir);

        Table ts = run.timeseries();
        page.heading("Prices");
        for (String market : run.markets()) {
            Report.chart(dir, page, "price_" + market, market + " prices", PriceChart.png(ts, market, Report.WIDTH, Report.HEIGHT));
        }
        page.heading("Loss borne, bad debt and insurance fund");
        Report.chart(dir, page, "fund", "loss borne, bad debt and insurance fund", FundChart.png(ts, Report.WIDTH, Report.HEIGHT));

        cascades(dir, page, run);
        facts(page, run);

        page.heading("Value flows");
        Report.chart(dir, page, "flows", "value flows", FlowChart.png(run.flows(), Report.WIDTH, Report.HEIGHT));
        return page.finish();
    }

    /** markets.csv as a table, when the run wrote one (folders written before it existed have none). */
    private static void byMarket(Html page, RunResults run, Path dir) {
        if (!java.nio.file.Files.isRegularFile(dir.resolve("markets.csv"))) {
            return;
        }
        Table t = run.byMarket();
        page.heading("By market (markets.csv: bad debt is charged to the bankrupt account's last market)");
        List<List<String>> rows = new ArrayList<>();
        List<String> symbols = t.text("market");
        for (int i = 0; i < symbols.size(); i++) {
            List<String> row = new ArrayList<>(List.of(symbols.get(i)));
            for (String c : t.columns().subList(1, t.columns().size())) {
                row.add(Html.number(t.column(c)[i]));
            }
            rows.add(row);
        }
        page.table(t.columns(), rows);
    }

    /**
     * The cascades rebuilt from the events file. At level {@code losses} the file keeps every liquidation and the
     * links between them, so the cascades are complete; at {@code none} there is no file, and the page says so and
     * gives the summary's maxima, which the simulation computed from every event.
     */
    private static void cascades(Path dir, Html page, RunResults run) {
        String level = run.eventLevel();
        if (run.eventsFile().isEmpty()) {
            page.heading("Liquidation cascades");
            page.paragraph("Not rebuilt: this run has no events file (event level " + level + "). The summary's"
                    + " max_cascade_size " + summaryText(run, "max_cascade_size") + " and max_cascade_depth "
                    + summaryText(run, "max_cascade_depth") + " come from the simulation. Run it again with --events"
                    + " losses or --events full for the cascade table and size distribution.");
            return;
        }
        Cascades cascades = Cascades.of(run);
        page.heading("Liquidation cascades (rebuilt from " + run.eventsFile().get().getFileName() + ")");
        if (!level.equals("full")) {
            page.paragraph("Event level " + level + ": the file holds only the loss events (liquidations, their"
                    + " settlement and the links between them, ADL, bad debt, halts, parameter changes), which is all"
                    + " the cascades need; ordinary fills and refused transactions were not written.");
        }
        page.paragraph(cascades.list().size() + " cascades, " + cascades.totalSize() + " liquidation steps; largest "
                + cascades.maxSize() + ", deepest " + cascades.maxDepth() + ".");
        Report.chart(dir, page, "cascade_sizes", "cascade size distribution",
                CascadeSizeChart.png(cascades.sizeDistribution(), Report.WIDTH, Report.HEIGHT));
        List<Cascade> largest = new ArrayList<>(cascades.list());
        // Largest first; ties keep start order (stable sort).
        largest.sort(Comparator.comparingInt(Cascade::size).reversed());
        List<List<String>> rows = new ArrayList<>();
        for (Cascade c : largest.subList(0, Math.min(LARGEST_CASCADES, largest.size()))) {
            rows.add(List.of(Long.toString(c.root()), Integer.toString(c.size()), Integer.toString(c.depth()),
                    Html.number(c.notionalQuote()), Long.toString(c.firstBlock()), Long.toString(c.lastBlock()),
                    Long.toString(c.durationBlocks())));
        }
        page.table(List.of("root event", "size", "depth", "notional", "first block", "last block", "duration (blocks)"), rows);
    }

    private static void facts(Html page, RunResults run) {
        page.heading("Stylized facts (mark price, per sample)");
        List<String> header = new ArrayList<>(List.of("market", "returns", "excess kurtosis"));
        for (int lag = 1; lag <= StylizedFacts.MAX_LAG; lag++) {
            header.add("ACF |r| lag " + lag);
        }
        header.add("mark within 0.5% of index");
        List<List<String>> rows = new ArrayList<>();
        for (String market : run.markets()) {
            StylizedFacts f = StylizedFacts.of(run.timeseries(), market, BAND);
            List<String> row = new ArrayList<>(List.of(market, Integer.toString(f.returns()), Html.number(f.excessKurtosis())));
            for (double a : f.absReturnAutocorrelation()) {
                row.add(Html.number(a));
            }
            row.add(Html.number(f.markWithinBand()));
            rows.add(row);
        }
        page.table(header, rows);
    }

    private static String summaryText(RunResults run, String metric) {
        Double v = run.summary().get(metric);
        return v == null ? "(not in summary.json)" : Html.number(v);
    }
}
