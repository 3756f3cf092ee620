package backstop.experiments.results;

import backstop.experiments.results.RunResult;
import backstop.model.metrics.ValueFlows;
import backstop.protocol.metric.Metric;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a run folder (DESIGN.md §7): {@code manifest.json}, {@code summary.json}, {@code timeseries.csv},
 * {@code agents.csv}, {@code flows.csv}, {@code markets.csv} and {@code metrics.json} (the summary's metrics declared), each through a temporary file renamed when complete
 * (a run without a world, a study's replay, has the first and the last two: {@link #writeSummary});
 * the events file ({@code events.jsonl.gz}, at the run's {@link EventLevel}) is streamed during the run by {@link EventJsonl}.
 */
public final class RunFolder {
    private static final CsvMapper CSV = new CsvMapper();

    private RunFolder() {
    }

    /** Writes every file but the events; {@code manifest} holds the resolved config, seed, version and wall time. */
    public static void write(Path dir, RunResult r, Map<String, Object> manifest) throws IOException {
        writeSummary(dir, r.summary(), r.metrics(), manifest);
        List<String> columns = r.timeseries() == null ? List.of("time") : r.timeseries().columns();
        List<List<Object>> rows = new ArrayList<>();
        if (r.timeseries() != null) {
            for (double[] row : r.timeseries().rows()) {
                List<Object> values = new ArrayList<>();
                for (double v : row) {
                    values.add(v);
                }
                rows.add(values);
            }
        }
        AtomicFiles.write(dir.resolve("timeseries.csv"), csv(columns, rows));
        List<List<Object>> agents = new ArrayList<>();
        for (RunResult.AgentRow a : r.agents()) {
            agents.add(List.of(a.id(), a.population(), a.agentClass(), a.account(), a.capital(), a.payoff(), a.gasPaid(),
                    a.submitted(), a.orders(), a.failed()));
        }
        AtomicFiles.write(dir.resolve("agents.csv"), csv(List.of("agent", "population", "class", "account", "capital",
                "payoff", "gas_paid", "transactions", "orders", "failed_transactions"), agents));
        List<List<Object>> flows = new ArrayList<>();
        for (ValueFlows.Flow f : r.flows()) {
            flows.add(List.of(f.from(), f.to(), f.amount()));
        }
        AtomicFiles.write(dir.resolve("flows.csv"), csv(List.of("from", "to", "amount"), flows));
        List<String> marketColumns = r.marketColumns();
        List<String> header = new ArrayList<>(List.of("market"));
        header.addAll(marketColumns);
        AtomicFiles.write(dir.resolve("markets.csv"), csv(header, r.markets().stream().map(m -> m.values(marketColumns)).toList()));
    }

    /**
     * The files every run folder has, and all a run without a world has (a study's replay): {@code manifest.json},
     * {@code summary.json} ({@code summary}: metric name → value, in the order {@code metrics} declares them) and
     * {@code metrics.json}.
     */
    public static void writeSummary(Path dir, Map<String, Object> summary, List<Metric> metrics,
                                    Map<String, Object> manifest) throws IOException {
        RunResult.checkDeclared(summary, metrics);
        ObjectMapper json = Json.mapper();
        AtomicFiles.write(dir.resolve("manifest.json"), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        AtomicFiles.write(dir.resolve("summary.json"), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));
        AtomicFiles.write(dir.resolve(METRICS_FILE), metricsJson(metrics));
    }

    /** The name of the file that declares a result's metrics (in a run folder and a sweep folder). */
    public static final String METRICS_FILE = "metrics.json";

    /**
     * {@code metrics.json}: each summary metric in summary order with its group, unit, label, whether
     * {@code markets.csv} has it, and its meaning — what reports, charts and notebooks read names and units from.
     */
    public static byte[] metricsJson(List<Metric> metrics) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Metric m : metrics) {
            Map<String, Object> e = new java.util.LinkedHashMap<>();
            e.put("name", m.name());
            e.put("group", m.group().name().toLowerCase(java.util.Locale.ROOT));
            e.put("group_title", m.group().title());
            e.put("unit", m.unit().name().toLowerCase(java.util.Locale.ROOT));
            e.put("label", m.label());
            e.put("per_market", m.perMarket());
            e.put("meaning", m.meaning());
            out.add(e);
        }
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
    }

    /** CSV text with a header row, through Jackson's CSV writer. */
    public static byte[] csv(List<String> header, List<List<Object>> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        for (String h : header) {
            schema.addColumn(h);
        }
        StringWriter out = new StringWriter();
        try (var writer = CSV.writer(schema.build().withHeader()).writeValues(out)) {
            for (List<Object> row : rows) {
                writer.write(row);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
