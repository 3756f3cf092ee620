package backstop.experiments.game;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * A named strategy: a population type's behaviour with some of its keys fixed. Applied to a scenario's population, its
 * {@code set} replaces those keys whole (a distribution key takes a whole distribution); the rest keep the scenario's
 * values.
 *
 * @param type    the population type it applies to ({@code keepers}, {@code market-makers}, …)
 * @param name    its name within the type ({@code aggressive})
 * @param summary one line on what it does
 * @param set     the keys it fixes, as a population entry spells them
 */
public record Strategy(String type, String name, String summary, ObjectNode set) {
    public Strategy {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a strategy's name must be lower-case words joined by '-', got " + name);
        }
        set = set == null ? null : set.deepCopy();
    }

    /** {@code type/name}, as {@code backstop strategies} lists it. */
    public String id() {
        return type + "/" + name;
    }

    /**
     * A copy of {@code population} (a scenario's {@code agents} entry of this strategy's type) with this strategy's keys
     * set, {@code count} members, named {@code name}.
     */
    public ObjectNode applyTo(ObjectNode population, String name, int count) {
        ObjectNode out = population.deepCopy();
        if (set != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = set.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        out.put("name", name);
        out.put("count", count);
        return out;
    }
}
