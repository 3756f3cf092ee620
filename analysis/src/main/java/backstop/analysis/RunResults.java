package backstop.analysis;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One run folder (DESIGN.md §7): the summary is read when the run is loaded, the CSV tables on first use,
 * and the events are streamed from disk on every call to {@link #events()}.
 */
public final class RunResults {
    private final Path dir;
    private final Map<String, Double> summary;
    private JsonNode manifest;
    private Table timeseries;
    private Table agents;
    private List<Flow> flows;
    private Table byMarket;
    private SummaryMetrics declared;

    private RunResults(Path dir, Map<String, Double> summary) {
        this.dir = dir;
        this.summary = summary;
    }

    /** Reads the run folder {@code dir}; fails naming the file if summary.json is missing or malformed. */
    public static RunResults load(Path dir) {
        Path file = dir.resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            String hint = Files.isRegularFile(dir.resolve("runs.csv")) ? " (this is a sweep folder: use SweepResults.load)" : "";
            throw new ResultFormatException(file + ": file not found; not a run folder" + hint);
        }
        JsonNode node = JsonFiles.read(file);
        if (!node.isObject()) {
            throw new ResultFormatException(file + ": expected a JSON object of metrics, got " + node.getNodeType());
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            metrics.put(e.getKey(), number(file, e.getKey(), e.getValue()));
        }
        return new RunResults(dir, Collections.unmodifiableMap(metrics));
    }

    private static double number(Path file, String key, JsonNode v) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            // Jackson writes non-finite doubles as the strings "NaN", "Infinity", "-Infinity".
            switch (v.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new ResultFormatException(file + ": metric '" + key + "' must be a number, got " + v);
    }

    /** The metrics the run declared (its metrics.json; empty for a folder written before the file existed). */
    public synchronized SummaryMetrics declared() {
        if (declared == null) {
            declared = SummaryMetrics.read(dir);
        }
        return declared;
    }

    /** The run folder. */
    public Path dir() {
        return dir;
    }

    /** summary.json as metric name → value, in file order. */
    public Map<String, Double> summary() {
        return summary;
    }

    /** One summary metric; fails naming the metric if the run has no such metric. */
    public double metric(String name) {
        Double v = summary.get(name);
        if (v == null) {
            throw new IllegalArgumentException(dir.resolve("summary.json") + ": no metric '" + name + "'; metrics are "
                    + summary.keySet());
        }
        return v;
    }

    /** manifest.json: scenario, design, seed, overrides, version, state hash, wall time and resolved configs. */
    public synchronized JsonNode manifest() {
        if (manifest == null) {
            manifest = JsonFiles.read(dir.resolve("manifest.json"));
        }
        return manifest;
    }

    /** timeseries.csv, one row per sample. */
    public synchronized Table timeseries() {
        if (timeseries == null) {
            timeseries = CsvFiles.read(dir.resolve("timeseries.csv"));
        }
        return timeseries;
    }

    /** The markets of the time series, as their column prefixes (e.g. {@code eth-usd}), in column order. */
    public List<String> markets() {
        List<String> out = new ArrayList<>();
        for (String c : timeseries().columns()) {
            if (c.endsWith("_index")) {
                out.add(c.substring(0, c.length() - "_index".length()));
            }
        }
        return out;
    }

    /**
     * The events streamed in file order, from events.jsonl.gz or events.jsonl ({@link EventFiles#find}); close the
     * stream to close the file. Fails naming the run's event level when it has no events file; at level
     * {@code losses} the stream holds only the loss events ({@link #eventLevel()}).
     */
    public Stream<JsonNode> events() {
        return EventLines.stream(eventsFile().orElseThrow(() -> new ResultFormatException(dir + ": no "
                + EventFiles.COMPRESSED + " or " + EventFiles.PLAIN + " (the run's event level is " + eventLevel() + ")")));
    }

    /** The run's events file, if it has one (a run at event level {@code none} has none). */
    public Optional<Path> eventsFile() {
        return EventFiles.find(dir);
    }

    /**
     * The event level the run was written at, from manifest.json's {@code events}: {@code full}, {@code losses} or
     * {@code none}; {@code full} for a folder written before levels existed (or without a manifest) that has an
     * events file, {@code none} for one that has none.
     */
    public String eventLevel() {
        JsonNode level = Files.isRegularFile(dir.resolve("manifest.json")) ? manifest().path("events") : null;
        if (level != null && level.isTextual()) {
            return level.textValue();
        }
        return eventsFile().isPresent() ? "full" : "none";
    }

    /** agents.csv, one row per agent. */
    public synchronized Table agents() {
        if (agents == null) {
            agents = CsvFiles.read(dir.resolve("agents.csv"));
        }
        return agents;
    }

    /** flows.csv, the value-flow matrix as a list of cells in file order. */
    public synchronized List<Flow> flows() {
        if (flows == null) {
            Table t = CsvFiles.read(dir.resolve("flows.csv"));
            List<String> from = t.text("from");
            List<String> to = t.text("to");
            double[] amount = t.column("amount");
            List<Flow> out = new ArrayList<>();
            for (int i = 0; i < amount.length; i++) {
                out.add(new Flow(from.get(i), to.get(i), amount[i]));
            }
            flows = List.copyOf(out);
        }
        return flows;
    }

    /**
     * markets.csv: the summary's metrics per market, one row each in market-id order (column {@code market} is the
     * symbol); the rows add up to the summary's totals.
     */
    public synchronized Table byMarket() {
        if (byMarket == null) {
            byMarket = CsvFiles.read(dir.resolve("markets.csv"));
        }
        return byMarket;
    }

    @Override
    public String toString() {
        return "RunResults[" + dir + "]";
    }
}
