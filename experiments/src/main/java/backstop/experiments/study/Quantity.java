package backstop.experiments.study;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * How a figure's simulated counterpart is computed from its sweep's runs (checked by {@link StudyPlan}, evaluated by
 * {@link Reproduction}): one value per seed, or, for a ranking, one mean per design.
 */
sealed interface Quantity {
    /**
     * The runs one value is read from: a sweep, a design, a summary metric or a measure, and the parameter point
     * ({@code point} fixes some axes; the rest must leave one point, or for a slope one point per axis value).
     *
     * @param label the metric's name or the measure's name, as reports print it
     * @param measure null for a summary metric
     */
    record Operand(String sweep, String design, String label, Measure measure, Map<String, JsonNode> point) {
        /** The same operand under another design. */
        Operand under(String other) {
            return new Operand(sweep, other, label, measure, point);
        }
    }

    /** The operand's value, seed by seed. */
    record Value(Operand operand) implements Quantity {
    }

    /** Per seed, the first operand's value ÷ the second's (both on the same seeds). */
    record Ratio(Operand numerator, Operand denominator) implements Quantity {
    }

    /** Per seed, the least-squares slope of the operand's value against the numeric grid axis {@code axis}. */
    record Slope(Operand operand, String axis) implements Quantity {
    }

    /**
     * The means of {@code operands}, each named by the matching entry of {@code names}: one operand under each of
     * several designs of a sweep (the names are the designs), or in each of several sweeps (the names are sweep ids).
     */
    record Ranking(List<String> names, List<Operand> operands) implements Quantity {
        public Ranking {
            if (names.size() != operands.size()) {
                throw new IllegalArgumentException(names.size() + " names for " + operands.size() + " operands");
            }
            names = List.copyOf(names);
            operands = List.copyOf(operands);
        }
    }
}
