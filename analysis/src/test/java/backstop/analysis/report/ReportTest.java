package backstop.analysis.report;

import backstop.analysis.Fixtures;
import backstop.analysis.ResultFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {
    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static int images(String html) {
        return html.split("src=\"data:image/png;base64,", -1).length - 1;
    }

    @Test
    void runReportInlinesItsChartsAndSummarises() throws IOException {
        Path run = Fixtures.run(tmp);
        Path html = Report.write(run);
        assertEquals(run.resolve("report.html"), html);
        assertEquals(List.of("cascade_sizes.png", "flows.png", "fund.png", "price_eth-usd.png"), names(run.resolve("charts")));
        assertFalse(names(run).stream().anyMatch(n -> n.endsWith(".partial")), names(run).toString());
        String text = Files.readString(html);
        assertEquals(4, images(text));
        assertTrue(text.contains("Backstop run: tiny / none / seed 7"));
        assertTrue(text.contains("<td>bad_debt</td><td class=\"n\">12.50</td>"), "summary row");
        // The fixture's one cascade: root 1, size 2, depth 2, 1195 quote units, blocks 600–602.
        assertTrue(text.contains("<td class=\"n\">1</td><td class=\"n\">2</td><td class=\"n\">2</td><td class=\"n\">1195</td>"
                + "<td class=\"n\">600</td><td class=\"n\">602</td><td class=\"n\">2</td>"), "cascade row");
        assertFalse(text.contains("<script"), "self-contained, no scripts");
        assertTrue(text.endsWith("</html>\n"));
    }

    @Test
    void reportOfTheSampleRunsWrittenBySimulator() throws IOException {
        for (String name : List.of("calm-run", "crash-run")) {
            Path sample = Fixtures.sample(name);
            // Links, so the report is written here and the checked-in sample stays untouched.
            Path run = Files.createDirectory(tmp.resolve(name));
            for (String f : names(sample)) {
                Files.createSymbolicLink(run.resolve(f), sample.resolve(f));
            }
            String text = Files.readString(Report.write(run));
            assertEquals(4, images(text), name);
            String scenario = name.equals("calm-run") ? "calm" : "black-thursday-2020";
            assertTrue(text.contains("Backstop run: " + scenario), name + " headline");
            long samples = Fixtures.lines(sample.resolve("timeseries.csv")) - 1;
            String market = name.equals("calm-run") ? "btc-usd" : "eth-usd";
            assertTrue(text.contains("<td>" + market + "</td><td class=\"n\">" + (samples - 1) + "</td>"),
                    name + ": " + (samples - 1) + " returns of " + samples + " samples");
        }
    }

    @Test
    void aRunWithoutEventsGetsItsReportWithTheCascadesExplained() throws IOException {
        Path run = Fixtures.run(tmp);
        Files.delete(run.resolve("events.jsonl"));
        Fixtures.write(run.resolve("manifest.json"), "{\"scenario\":\"tiny\",\"design\":\"none\",\"seed\":7,\"events\":\"none\"}");
        String text = Files.readString(Report.write(run));
        assertTrue(text.contains("Not rebuilt: this run has no events file (event level none). The summary's"
                + " max_cascade_size 2 and max_cascade_depth 2 come from the simulation."), text);
        assertEquals(List.of("flows.png", "fund.png", "price_eth-usd.png"), names(run.resolve("charts")));
    }

    @Test
    void aLossesRunGetsItsCascadesFromTheCompressedFile() throws IOException {
        Path run = Fixtures.gzipEvents(Fixtures.run(tmp));
        Fixtures.write(run.resolve("manifest.json"), "{\"scenario\":\"tiny\",\"design\":\"none\",\"seed\":7,\"events\":\"losses\"}");
        String text = Files.readString(Report.write(run));
        assertTrue(text.contains("Liquidation cascades (rebuilt from events.jsonl.gz)") && text.contains("Event level losses"), text);
        assertTrue(text.contains("<td class=\"n\">1</td><td class=\"n\">2</td><td class=\"n\">2</td><td class=\"n\">1195</td>"),
                "the fixture's cascade row");
    }

    @Test
    void runReportIsDeterministic() throws IOException {
        Path run = Fixtures.run(tmp);
        String first = Files.readString(Report.write(run));
        assertEquals(first, Files.readString(Report.write(run)));
    }

    @Test
    void sweepReportHasTailRiskComparisonAndCharts() throws IOException {
        Path sweep = Fixtures.sweep(tmp);
        String text = Files.readString(Report.write(sweep));
        // The fixture's comparison.csv has bad_debt only: the forest plot is of bad debt; runs.csv has loss_borne, so
        // the distribution and the curve against the varied depth are of loss_borne. No loss parts: no decomposition.
        assertEquals(List.of("compare_bad_debt.png", "compare_liquidated_notional.png", "compare_loss_borne.png",
                "compare_max_cascade_size.png", "curve_loss_borne_markets_0_venue_depth.png", "ecdf_loss_borne.png",
                "forest_bad_debt.png"), names(sweep.resolve("charts")));
        assertEquals(7, images(text));
        assertTrue(text.contains("<table id=\"verdict\">"), "the verdict table, for readers and the browser test");
        int forest = text.indexOf("alt=\"paired difference of bad debt (quote) from base\"");
        assertTrue(forest > text.indexOf("Verdict: ") && forest < text.indexOf("Tail risk"),
                "the forest plot follows the verdict");
        assertTrue(text.contains("loss borne (quote) by design"), "plain names with units");
        assertTrue(text.indexOf("Verdict: ") < text.indexOf("Tail risk"), "the verdict comes first");
        assertTrue(text.contains(SweepReport.fewWarning(2)), "2 runs of base: a warning, not a percentile");
        // The fixture's comparison.csv predates loss_borne: the verdict falls back to bad debt, −17 in (−69.8, 35.8).
        assertTrue(text.contains("<td>vault</td><td>no clear difference from base</td>"), "verdict row");
        assertEquals("loses less than base", SweepReport.words(-17, -69.8, -1, 2, "base"));
        assertEquals("no clear difference from base", SweepReport.words(-17, -69.8, 35.8, 2, "base"));
        assertEquals("loses more than base", SweepReport.words(5, 1, 9, 3, "base"));
        assertEquals("the same as base on every seed", SweepReport.words(0, 0, 0, 3, "base"));
        assertEquals("too few seeds for an interval (1)", SweepReport.words(4, Double.NaN, Double.NaN, 1, "base"));
        assertTrue(text.indexOf("loss borne (quote) by design") < text.indexOf("bad debt (quote) by design"),
                "loss borne charted first");
        // Hand-computed in TailRiskTest: VaR / CVaR of loss borne, VaR of bad debt, LaR: base 38.6 / 40 / 29 / 480,
        // vault 7.8 / 8 / 4.7 / 367 (366.99999999999994 in doubles).
        assertTrue(text.contains("<th>design</th><th>runs</th><th>VaR (loss_borne)</th><th>CVaR (loss_borne)</th>"
                + "<th>VaR (bad_debt)</th><th>LaR (liquidated_notional)</th>"), "tail header");
        assertTrue(text.contains("<td>base</td><td class=\"n\">2</td><td class=\"n\">38.60</td><td class=\"n\">40</td>"
                + "<td class=\"n\">29</td><td class=\"n\">480</td>"), "base tail");
        assertTrue(text.contains("<td>vault</td><td class=\"n\">3</td><td class=\"n\">7.80</td><td class=\"n\">8</td>"
                + "<td class=\"n\">4.70</td><td class=\"n\">367.00</td>"), "vault tail");
        assertFalse(text.contains("no loss_borne column"), "no fallback note");
        // Means with bootstrap intervals from runs.csv (vault's bad debt 5, 1, 2: inside [1, 5], not comparison.csv's
        // t interval −22.41 … 28.41), then comparison.csv's paired difference; the baseline's own row says so.
        var e = backstop.analysis.charts.DesignComparisonChart.estimate(new double[]{5, 1, 2});
        assertTrue(e.ciLow() >= 1 && e.ciHigh() <= 5);
        assertTrue(text.contains("<td>vault</td><td>bad_debt</td><td class=\"n\">3</td><td class=\"n\">2.67</td><td>"
                + Html.number(e.ciLow()) + " … " + Html.number(e.ciHigh()) + "</td><td>base</td><td class=\"n\">-17</td>"
                + "<td>-69.80 … 35.80</td><td>100%</td><td>0%</td>"), "comparison row");
        assertTrue(text.contains("<td>base</td><td>bad_debt</td><td class=\"n\">2</td><td class=\"n\">20</td><td>10 … 30</td>"
                + "<td>(baseline)</td>"), "baseline row");
    }

    @Test
    void anOldRunsCsvGetsBadDebtTailRiskWithANote() throws IOException {
        Path sweep = Fixtures.sweepWithoutLossBorne(tmp);
        String text = Files.readString(Report.write(sweep));
        assertTrue(text.contains("runs.csv has no loss_borne column"), "the note names the missing column");
        assertTrue(text.contains("<th>design</th><th>runs</th><th>VaR (bad_debt)</th><th>CVaR (bad_debt)</th>"
                + "<th>LaR (liquidated_notional)</th>"), "tail header");
        assertTrue(text.contains("<td>base</td><td class=\"n\">2</td><td class=\"n\">29</td><td class=\"n\">30</td>"
                + "<td class=\"n\">480</td>"), "base tail of bad debt");
    }

    @Test
    void aRunsCsvWithoutLossColumnsSaysWhichAreMissing() throws IOException {
        Fixtures.write(tmp.resolve("runs.csv"), "run_id,design,seed,max_cascade_size\na,d,1,3\n");
        String text = Files.readString(Report.write(tmp));
        assertTrue(text.contains("runs.csv: no tail risk without the columns loss_borne (or, in files written before it, "
                + "bad_debt) and liquidated_notional."), "missing columns named");
    }

    @Test
    void sweepWithoutComparisonComputesIntervals() throws IOException {
        Path sweep = Fixtures.sweep(tmp);
        Files.delete(sweep.resolve("comparison.csv"));
        String text = Files.readString(Report.write(sweep));
        // base bad debt 10, 30: mean 20; a bootstrap of two values spans them (a t interval would be −107.06 … 147.06).
        assertTrue(text.contains("<td>base</td><td>bad_debt</td><td class=\"n\">2</td><td class=\"n\">20</td>"
                + "<td>10 … 30</td></tr>"), "computed interval");
        assertTrue(text.contains("no comparison.csv: no paired differences"));
    }

    @Test
    void anythingElseIsRefusedByPath() {
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> Report.write(tmp));
        assertTrue(e.getMessage().startsWith(tmp.toString()), e.getMessage());
    }

    @Test
    void numbersAreFormattedForReading() {
        assertEquals("12", Html.number(12));
        assertEquals("1000891.59", Html.number(1000891.587656));
        assertEquals("0.203664", Html.number(0.20366425842244051));
        assertEquals("-0.001", Html.number(-0.001));
        assertEquals("NaN", Html.number(Double.NaN));
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", Html.escape("a <b> & \"c\""));
    }
}
