package backstop.experiments.sweep;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep file as written, bound by {@link backstop.experiments.config.ConfigBinder} (so unknown keys and wrong
 * types are refused with their path); {@link SweepPlan} validates it against the libraries and expands it.
 *
 * @param designs preset names (text) or inline design documents (mappings), in the order given
 * @param baseline the design the others are compared with; null means the first
 */
public record SweepSpec(String name, String description, String scenario, List<String> overrides, List<JsonNode> designs,
                        String baseline, Parameters parameters, Integer replications, Long baseSeed) {

    public SweepSpec {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        designs = designs == null ? List.of() : List.copyOf(designs);
        baseSeed = baseSeed == null ? 1L : baseSeed;
    }

    /** How parameter points are chosen. */
    public enum Mode {
        @JsonProperty("grid") GRID,
        @JsonProperty("random") RANDOM,
        @JsonProperty("latin-hypercube") LATIN_HYPERCUBE
    }

    /**
     * The varied parameters: a Cartesian {@code grid} of listed values, or {@code samples} points drawn in
     * {@code ranges} ({@code [min, max]}) at random or by Latin hypercube from {@code parameter_seed}. Paths are
     * scenario keys, design keys ({@code design.…}), or, in a grid, {@code scenario}: the scenario of each point.
     */
    public record Parameters(Mode mode, Map<String, List<JsonNode>> grid, Map<String, List<JsonNode>> ranges,
                             Integer samples, Long parameterSeed) {
        public Parameters {
            // LinkedHashMap keeps the file's order of paths, which fixes the point order and the column order.
            grid = grid == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(grid));
            ranges = ranges == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
            mode = mode != null ? mode : Mode.GRID;
            parameterSeed = parameterSeed == null ? 1L : parameterSeed;
        }
    }
}
