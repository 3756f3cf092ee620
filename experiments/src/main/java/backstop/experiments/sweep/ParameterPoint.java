package backstop.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of the parameter space: a value for each varied scenario path, in the sweep file's path order.
 *
 * @param index the point's position in the expansion (0 when nothing varies)
 */
public record ParameterPoint(int index, Map<String, JsonNode> values) {
    /** The grid axis that picks each point's scenario (a library name or a file) instead of setting one of its keys. */
    public static final String SCENARIO = "scenario";

    public ParameterPoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The point as {@code --set} assignments, applied after the sweep's own overrides (the scenario axis aside). */
    public List<String> assignments() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : values.entrySet()) {
            if (e.getKey().equals(SCENARIO)) {
                continue;
            }
            JsonNode v = e.getValue();
            // Quoted so a string value that looks like a number (tick_size: "0.1") stays a string.
            out.add(e.getKey() + "=" + (v.isTextual() ? v.toString() : text(v)));
        }
        return out;
    }

    /** The scenario this point names on the scenario axis, or {@code base} when the sweep has no such axis. */
    public String scenario(String base) {
        JsonNode v = values.get(SCENARIO);
        return v == null ? base : v.asText();
    }

    /**
     * A value as text for {@code runs.csv} and {@code --set}: numbers in plain decimal notation, because the
     * YAML reader takes {@code 1.0E7} (no exponent sign) for a string, and {@link Double#toString} writes that.
     */
    public static String text(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isNumber()) {
            String plain = v.decimalValue().stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        return v.toString();
    }
}
