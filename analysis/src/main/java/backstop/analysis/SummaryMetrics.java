package backstop.analysis;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The summary metrics of a run or sweep folder as the run declared them ({@code metrics.json}, written from the
 * declarations of whoever produced each metric): the one place reports, charts and notebooks read names, units and
 * meanings from, so a new mechanism's metric needs no code here. A folder without the file (written before it
 * existed) has an empty catalogue, and every name is its own label.
 */
public final class SummaryMetrics {
    /** The file a run folder and a sweep folder declare their metrics in. */
    public static final String FILE = "metrics.json";
    /** No declarations. */
    public static final SummaryMetrics NONE = new SummaryMetrics(Map.of());

    private final Map<String, SummaryMetric> byName;

    private SummaryMetrics(Map<String, SummaryMetric> byName) {
        this.byName = byName;
    }

    /** The declarations in {@code folder}'s metrics.json, or {@link #NONE} if it has none; fails naming a malformed entry. */
    public static SummaryMetrics read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        JsonNode root = JsonFiles.read(file);
        if (!root.isArray()) {
            throw new ResultFormatException(file + ": expected a JSON array of metrics, got " + root.getNodeType());
        }
        Map<String, SummaryMetric> out = new LinkedHashMap<>();
        for (JsonNode e : root) {
            String name = text(file, e, "name");
            out.put(name, new SummaryMetric(name, text(file, e, "group"), text(file, e, "group_title"),
                    text(file, e, "unit"), text(file, e, "label"), e.path("per_market").asBoolean(false),
                    text(file, e, "meaning")));
        }
        return new SummaryMetrics(out);
    }

    private static String text(Path file, JsonNode e, String field) {
        JsonNode v = e.get(field);
        if (v == null || !v.isTextual()) {
            throw new ResultFormatException(file + ": a metric's '" + field + "' must be text, in " + e);
        }
        return v.textValue();
    }

    /** Every declared metric, in summary order. */
    public List<SummaryMetric> all() {
        return List.copyOf(byName.values());
    }

    /** The declaration of this key, if declared. */
    public Optional<SummaryMetric> of(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** A plain label with its unit ("loss borne (quote)"); for an undeclared name, the name with spaces. */
    public String label(String name) {
        return of(name).map(SummaryMetric::label).orElse(name.replace('_', ' '));
    }
}
