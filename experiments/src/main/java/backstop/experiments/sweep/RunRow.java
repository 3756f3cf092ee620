package backstop.experiments.sweep;

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

    /** A metric as a double; throws naming the run if it has none. */
    public double metric(String name) {
        Number v = metrics.get(name);
        if (v == null) {
            throw new IllegalStateException("run " + runId + " has no metric '" + name + "'");
        }
        return v.doubleValue();
    }
}
