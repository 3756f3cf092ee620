package backstop.experiments.design;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigTree;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * {@code --set} assignments aimed at the design rather than the scenario: their path starts with
 * {@code design.} ({@code design.insurance_fund=0}, {@code design.liquidation.penalty.rate=0.01}). Every key of the
 * resolved design can be set, including those a preset file leaves at its default, because the assignment is
 * applied to the bound design written back as a tree; the result is validated like any design file.
 */
public final class DesignOverrides {
    /** Paths with this prefix address the design. */
    public static final String PREFIX = "design.";

    private DesignOverrides() {
    }

    /** Whether an assignment {@code path=value} addresses the design. */
    public static boolean targetsDesign(String assignment) {
        return assignment.startsWith(PREFIX);
    }

    /** The assignments that address the scenario, in order. */
    public static List<String> scenarioPart(List<String> assignments) {
        return assignments.stream().filter(a -> !targetsDesign(a)).toList();
    }

    /** The assignments that address the design, in order (still with their prefix). */
    public static List<String> designPart(List<String> assignments) {
        return assignments.stream().filter(DesignOverrides::targetsDesign).toList();
    }

    /**
     * {@code design} with the design assignments among {@code assignments} applied in order (the others are
     * ignored); the name stays, so runs of one design on different points still compare as that design.
     */
    public static DesignSpec apply(DesignSpec design, List<String> assignments) {
        List<String> own = designPart(assignments);
        if (own.isEmpty()) {
            return design;
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("design", ConfigBinder.mapper().valueToTree(design));
        for (String a : own) {
            ConfigTree.set(root, a);
        }
        return ConfigBinder.bind(root.get("design"), DesignSpec.class, "design '" + design.name() + "' with "
                + String.join(" ", own));
    }

    /** {@code design} with one more circuit breaker (a YAML/JSON map as in a design's {@code breakers}), validated. */
    public static DesignSpec withBreaker(DesignSpec design, ObjectNode breaker) {
        ObjectNode tree = ConfigBinder.mapper().valueToTree(design);
        tree.withArray("breakers").add(breaker);
        return ConfigBinder.bind(tree, DesignSpec.class, "design '" + design.name() + "' with breaker " + breaker);
    }
}
