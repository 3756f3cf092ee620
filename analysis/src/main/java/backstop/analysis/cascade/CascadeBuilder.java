package backstop.analysis.cascade;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds cascades from a run's events in file order, by the simulator's rule (model's CascadeTracker) but
 * without it: a liquidation's parent is the liquidation behind its {@code cause_id} — directly, or through an
 * {@code oracle_price} whose own cause is a liquidation. Without a parent it has depth 1 and joins the cascade
 * rooted at its cause (its own id when it has none); with one it joins the parent's cascade one level deeper.
 * A {@code liquidation_settled} with {@code size_closed > 0} counts one step of its liquidation's cascade.
 */
public final class CascadeBuilder {
    // Lookups only: no iteration order of these maps reaches results.
    private final Map<Long, Long> oracleCause = new HashMap<>();
    private final Map<Long, Long> rootOf = new HashMap<>();
    private final Map<Long, Integer> depthOf = new HashMap<>();
    // Insertion order = the order cascades started.
    private final Map<Long, long[]> cascades = new LinkedHashMap<>();
    private static final int SIZE = 0;
    private static final int DEPTH = 1;
    private static final int NOTIONAL = 2;
    private static final int FIRST = 3;
    private static final int LAST = 4;

    /** Takes the next event; events of other types are ignored. */
    public void accept(JsonNode e) {
        String type = e.path("type").asText();
        switch (type) {
            case "oracle_price" -> {
                long cause = e.path("cause_id").asLong();
                if (cause != 0 && rootOf.containsKey(cause)) {
                    oracleCause.put(e.path("id").asLong(), cause);
                }
            }
            case "liquidation" -> {
                long id = e.path("id").asLong();
                long cause = e.path("cause_id").asLong();
                long parent = parentLiquidation(cause);
                rootOf.put(id, parent != 0 ? rootOf.get(parent) : (cause != 0 ? cause : id));
                depthOf.put(id, parent != 0 ? depthOf.get(parent) + 1 : 1);
            }
            case "liquidation_settled" -> {
                long liquidation = e.path("cause_id").asLong();
                if (e.path("size_closed").asLong() > 0 && rootOf.containsKey(liquidation)) {
                    long block = e.path("block").asLong();
                    long[] c = cascades.computeIfAbsent(rootOf.get(liquidation), r -> new long[] {0, 0, 0, block, block});
                    c[SIZE]++;
                    c[DEPTH] = Math.max(c[DEPTH], depthOf.get(liquidation));
                    c[NOTIONAL] += e.path("notional").asLong();
                    c[LAST] = block;
                }
            }
            default -> {
            }
        }
    }

    private long parentLiquidation(long cause) {
        if (rootOf.containsKey(cause)) {
            return cause;
        }
        return oracleCause.getOrDefault(cause, 0L);
    }

    /** The cascades seen so far, in the order they started. */
    public Cascades build() {
        List<Cascade> out = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : cascades.entrySet()) {
            long[] c = e.getValue();
            out.add(new Cascade(e.getKey(), (int) c[SIZE], (int) c[DEPTH], c[NOTIONAL], c[FIRST], c[LAST]));
        }
        return new Cascades(out);
    }
}
