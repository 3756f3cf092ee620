package backstop.experiments.config;

import backstop.experiments.design.DesignSpec;
import backstop.experiments.scenario.ScenarioSpec;
import backstop.experiments.sweep.SweepSpec;
import backstop.model.spec.Range;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code backstop reference} and validation read the same {@code @Doc} annotations: every key has a meaning
 * (so a new key must be documented), every stated range parses, and for every key with a range a value just
 * outside it is refused when a config is loaded, naming the key — so what the reference says cannot drift from
 * what is enforced.
 */
class ConfigReferenceTest {
    private static final Map<String, Class<?>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("design", DesignSpec.class);
        KINDS.put("scenario", ScenarioSpec.class);
        KINDS.put("sweep", SweepSpec.class);
    }

    @Test
    void everyKeyHasAMeaningAndEveryRangeParses() {
        List<String> missing = new ArrayList<>();
        int keys = 0;
        for (var kind : KINDS.entrySet()) {
            for (ConfigReference.Key k : ConfigReference.keys(kind.getValue())) {
                keys++;
                if (k.doc() == null || k.doc().value().isBlank()) {
                    missing.add(kind.getKey() + ": " + k.path());
                } else if (!k.doc().range().isEmpty()) {
                    k.range();   // throws on a malformed range
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys without a @Doc meaning (" + missing.size() + " of " + keys + "):\n"
                + String.join("\n", missing));
    }

    @Test
    void everyStatedRangeIsEnforcedWhenAConfigIsLoaded() {
        List<String> unrefused = new ArrayList<>();
        int cases = 0;
        for (var kind : KINDS.entrySet()) {
            for (ConfigReference.Key k : ConfigReference.keys(kind.getValue())) {
                Range r = k.range();
                if (r == null) {
                    continue;
                }
                boolean integral = k.valueType() != double.class && k.valueType() != Double.class
                        && k.valueType() != backstop.agents.params.Dist.class;
                for (double bad : r.outside()) {
                    double v = integral ? (r.loOpen() || r.hiOpen() ? bad : Math.floor(bad)) : bad;
                    if (integral && r.contains(v)) {
                        continue;
                    }
                    cases++;
                    ObjectNode tree = tree(k, v, integral);
                    ConfigException e = assertThrows(ConfigException.class,
                            () -> ConfigBinder.bind(tree, kind.getValue(), "t"), k.path() + " = " + v + " was accepted");
                    String expected = k.path().replace("[]", "[0]");
                    if (!e.problems().stream().anyMatch(p -> p.contains(expected) && p.contains("must be"))) {
                        unrefused.add(kind.getKey() + ": " + k.path() + " = " + v + ": " + e.problems());
                    }
                }
            }
        }
        assertTrue(cases > 150, "cases: " + cases);
        assertTrue(unrefused.isEmpty(), String.join("\n", unrefused));
    }

    /** The smallest document holding {@code value} at the key, every polymorphic step given its type. */
    private static ObjectNode tree(ConfigReference.Key k, double value, boolean integral) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode at = root;
        List<ConfigReference.Step> steps = k.steps();
        for (int i = 0; i < steps.size() - 1; i++) {
            ConfigReference.Step s = steps.get(i);
            ObjectNode next = f.objectNode();
            if (s.variant() != null) {
                next.put("type", s.variant());
            }
            if (s.list()) {
                at.putArray(s.key()).add(next);
            } else {
                at.set(s.key(), next);
            }
            at = next;
        }
        ConfigReference.Step last = steps.get(steps.size() - 1);
        var number = integral ? f.numberNode((long) value) : f.numberNode(value);
        if (k.valueType() == backstop.agents.params.Dist.class) {
            at.set(last.key(), f.objectNode().put("type", "constant").put("value", value));
        } else if (last.list()) {
            at.putArray(last.key()).add(number);
        } else {
            at.set(last.key(), number);
        }
        return root;
    }

    @Test
    void theReferencePrintsUnitRangeDefaultAndMeaning() {
        List<String> design = ConfigReference.of(DesignSpec.class);
        assertTrue(design.stream().anyMatch(l -> l.matches("margin\\.lambda +number, fraction, in \\[0, 1\\) — EWMA .*")),
                String.join("\n", design));
        List<String> scenario = ConfigReference.of(ScenarioSpec.class, ConfigTree.read("base", "scenarios"));
        assertTrue(scenario.stream().anyMatch(l -> l.matches("block_seconds +number, seconds, in \\(0, ∞\\), default 1 — .*")),
                String.join("\n", scenario));
        assertTrue(scenario.stream().anyMatch(l -> l.matches("markets\\[]\\.maker_fee +number, fraction, in \\[-1, 1], in base: -0\\.0001 — .*")),
                String.join("\n", scenario));
        assertEquals(ConfigReference.keys(DesignSpec.class).size(),
                design.stream().filter(l -> !l.contains("(type: ") && !l.contains("(name: ") && !l.contains(" … the same ")).count());
    }
}
