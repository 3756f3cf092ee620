package backstop.experiments.study;

import backstop.model.spec.Doc;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * A study file as written (README, "Validation: reproduction studies"), bound by
 * {@link backstop.experiments.config.ConfigBinder}; {@link StudyPlan} checks it against its sweeps and the registries.
 */
public record StudySpec(
        @Doc(value = "the study's name, as its folder is named", absent = "required") String name,
        @Doc(value = "one line: what is reproduced", absent = "the name") String title,
        @Doc("one paragraph: what is reproduced and from which sources") String description,
        @Doc(value = "the sweeps the study runs: each an ordinary sweep spec (every key of `backstop reference sweep`)"
                + " plus its id, which names it in figures and its folder sweeps/<id>/; a sweep whose scenario names a"
                + " registered replay (Replays: hyperliquid-adl-waves) runs that replay instead of an agent world: its"
                + " designs are the replay's, its overrides the replay's, no parameters or events, and figures read"
                + " only its summary metrics", absent = "required")
        List<ObjectNode> sweeps,
        @Doc(value = "the shortened version run by `backstop study NAME --ci` and the CI test", absent = "the full study")
        Ci ci,
        @Doc(value = "the published figures reproduced, one row of reproduction.csv each", absent = "required")
        List<Figure> figures) {

    public StudySpec {
        sweeps = sweeps == null ? List.of() : List.copyOf(sweeps);
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    /** What the shortened (CI) version changes in every sweep. */
    public record Ci(
            @Doc(value = "replaces every sweep's replications", unit = "runs", range = "[1, ∞)",
                    absent = "each sweep's own") Integer replications,
            @Doc(value = "appended to every sweep's overrides (\"path=value\", applied after them)", absent = "[]")
            List<String> overrides) {
        public Ci {
            overrides = overrides == null ? List.of() : List.copyOf(overrides);
        }
    }

    /** One published figure and how its simulated counterpart is computed and judged. */
    public record Figure(
            @Doc(value = "the row's id in reproduction.csv and in messages", absent = "required") String id,
            @Doc(value = "what is measured, in words", absent = "required") String quantity,
            @Doc(value = "the published value, its unit and its source", absent = "required") Published published,
            @Doc(value = "how the simulated counterpart is computed from the sweeps' result files", absent = "required")
            Simulated simulated,
            @Doc(value = "the tolerance band, as a paper would state it", absent = "required") BandSpec band,
            @Doc(value = "whether the band is asserted in the CI version too (it is reported either way)",
                    absent = "true") Boolean ci) {
        public Figure {
            ci = ci == null ? Boolean.TRUE : ci;
        }
    }

    /** A published figure. */
    public record Published(
            @Doc(value = "the value: a number, or text (a ranking, a sign)", absent = "required") JsonNode value,
            @Doc(value = "its unit (share, ratio, quote units, ranking…)", absent = "required") String unit,
            @Doc(value = "where it was published: paper, section, table", absent = "required") String source) {
    }

    /**
     * The simulated counterpart of a figure: one value per run of {@code sweep} (a summary {@code metric} or a named
     * {@code measure} with its {@code params}), for {@code design} and, in a sweep with several parameter points, the
     * {@code point}; or the seed-paired {@code ratio} of two such operands; or, per seed, the least-squares
     * {@code slope} of the value against a numeric grid axis; or, for a ranking band, the same value under each of
     * {@code designs}, or in each of {@code sweeps} (the same design and point in each: variants of the scenario, such
     * as its oracle, that are overrides rather than designs). Values are aggregated over seeds: mean and 95% t interval.
     */
    public record Simulated(
            @Doc(value = "the id of the sweep whose runs are read", absent = "required (but with sweeps)") String sweep,
            @Doc(value = "the design whose runs are read", absent = "the sweep's only design") String design,
            @Doc(value = "a summary metric (a name in metrics.json)", absent = "measure") String metric,
            @Doc(value = "a registered measure computed from each run's result files (`backstop reference measures`)",
                    absent = "metric") String measure,
            @Doc(value = "the measure's parameters", absent = "{}: its defaults") ObjectNode params,
            @Doc(value = "the parameter point: each varied path with its value (a grid axis not named is not fixed)",
                    absent = "the sweep's only point") Map<String, JsonNode> point,
            @Doc(value = "two operands (design, metric or measure, params, point): per seed, the first ÷ the second",
                    absent = "not a ratio") List<Simulated> ratio,
            @Doc(value = "a numeric grid axis of the sweep: per seed, the least-squares slope of the value against it",
                    absent = "not a slope") String slope,
            @Doc(value = "a ranking band's designs: the value's mean under each", absent = "not a ranking")
            List<String> designs,
            @Doc(value = "a ranking band's sweeps (instead of sweep and designs): the value's mean in each, for the same"
                    + " design (or each sweep's only one) and point; the band's order names sweep ids",
                    absent = "not a ranking across sweeps")
            List<String> sweeps) {
    }

    /**
     * A band: {@code range} ({@code min} and/or {@code max} on the simulated mean), {@code order-of-magnitude}
     * (simulated ÷ published within ×/÷ {@code factor}), {@code ratio} (simulated ÷ published in [min, max]),
     * {@code sign} ({@code positive} or {@code negative}) or {@code ranking} (designs' means ascending in {@code order}).
     */
    public record BandSpec(
            @Doc(value = "range, order-of-magnitude, ratio, sign or ranking", absent = "required") String type,
            @Doc(value = "range: the least simulated mean inside; ratio: the least simulated ÷ published",
                    absent = "no lower bound") Double min,
            @Doc(value = "range: the largest simulated mean inside; ratio: the largest simulated ÷ published",
                    absent = "no upper bound") Double max,
            @Doc(value = "order-of-magnitude: simulated ÷ published within [1/factor, factor]", range = "(1, ∞)",
                    absent = "10") Double factor,
            @Doc(value = "sign: positive or negative (the mean strictly above or below 0)", absent = "required for sign")
            String sign,
            @Doc(value = "ranking: the designs (or the sweeps of simulated.sweeps), their means ascending",
                    absent = "required for ranking")
            List<String> order) {
    }
}
