package backstop.experiments.sweep;

import backstop.experiments.results.EventLevel;
import backstop.model.spec.Doc;
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
public record SweepSpec(
        @Doc(value = "the sweep's name, as its folder and tables label it", absent = "required") String name,
        @Doc("one line on what the sweep asks") String description,
        @Doc(value = "the scenario every run uses: a library name or a YAML file", absent = "required") String scenario,
        @Doc(value = "--set style overrides of the scenario (\"path=value\"), applied to every run", absent = "[]")
        List<String> overrides,
        @Doc(value = "the designs compared: preset names, or inline designs (which may extend a preset)",
                absent = "required") List<JsonNode> designs,
        @Doc(value = "the design the others are compared with", absent = "the first design") String baseline,
        @Doc(value = "the varied parameters (a grid, or sampled ranges)", absent = "none: one point")
        Parameters parameters,
        @Doc(value = "runs per design and parameter point, on seeds base_seed, base_seed + 1, …", unit = "runs",
                range = "[1, ∞)", absent = "required") Integer replications,
        @Doc(value = "the seed of the first replication", range = "[0, ∞)", absent = "1") Long baseSeed,
        @Doc(value = "what each run's events file holds: none (no file), losses (liquidations and their settlement,"
                + " ADL, bad debt and its absorption, halts, parameter and breaker changes, auctions) or full (every"
                + " event); summary and tables are the same at every level; backstop sweep --events overrides it",
                absent = "losses") EventLevel events) {

    public SweepSpec {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        designs = designs == null ? List.of() : List.copyOf(designs);
        baseSeed = baseSeed == null ? 1L : baseSeed;
        events = events == null ? EventLevel.SWEEP_DEFAULT : events;
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
    public record Parameters(
            @Doc(value = "how points are chosen: grid (every combination of the listed values), random or"
                    + " latin-hypercube (samples points in the ranges)", absent = "grid") Mode mode,
            @Doc("grid mode: each path (a scenario key, design.… or scenario) with the list of its values")
            Map<String, List<JsonNode>> grid,
            @Doc("random and latin-hypercube modes: each path with its [min, max]") Map<String, List<JsonNode>> ranges,
            @Doc(value = "random and latin-hypercube modes: how many points are drawn", unit = "points") Integer samples,
            @Doc(value = "the seed of the point draws", absent = "1") Long parameterSeed) {
        public Parameters {
            // LinkedHashMap keeps the file's order of paths, which fixes the point order and the column order.
            grid = grid == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(grid));
            ranges = ranges == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
            mode = mode != null ? mode : Mode.GRID;
            parameterSeed = parameterSeed == null ? 1L : parameterSeed;
        }
    }
}
