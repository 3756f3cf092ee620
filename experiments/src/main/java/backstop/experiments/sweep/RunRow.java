package backstop.experiments.sweep;

import backstop.experiments.results.Json;
import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One finished run as the tables see it: who ran where, and its summary metrics (without the timing field) in
 * {@code summary.json} order, as the JSON numbers were written.
 */
public record RunRow(String runId, String design, ParameterPoint point, long seed, Map<String, Number> metrics) {
    public RunRow {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** Timing differs between executions of the same run, so it stays out of the tables. */
    private static final String TIMING = "wall_seconds";

    /** Reads the metrics of the finished run folder {@code runs/<id>/}, without the timing field. */
    public static RunRow read(Path runs, String id, String design, ParameterPoint point, long seed) throws IOException {
        Map<String, Number> metrics = Json.mapper().readValue(runs.resolve(id).resolve("summary.json").toFile(),
                new TypeReference<LinkedHashMap<String, Number>>() { });
        metrics.remove(TIMING);
        return new RunRow(id, design, point, seed, metrics);
    }

    /** A metric as a double; throws naming the run if it has none. */
    public double metric(String name) {
        Number v = metrics.get(name);
        if (v == null) {
            throw new IllegalStateException("run " + runId + " has no metric '" + name + "'");
        }
        return v.doubleValue();
    }
}
