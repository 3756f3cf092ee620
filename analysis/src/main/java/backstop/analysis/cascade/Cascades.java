package backstop.analysis.cascade;

import backstop.analysis.RunResults;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The cascades of one run, in the order they started, with their maxima and size distribution. */
public final class Cascades {
    private final List<Cascade> list;

    Cascades(List<Cascade> list) {
        this.list = List.copyOf(list);
    }

    /** Rebuilds the cascades from an event stream (e.g. {@code RunResults.events()}; the caller closes it). */
    public static Cascades of(Stream<JsonNode> events) {
        CascadeBuilder b = new CascadeBuilder();
        events.forEachOrdered(b::accept);
        return b.build();
    }

    /** Rebuilds the cascades of a run from its events file, streaming it; fails if it has none ({@link RunResults#events()}). */
    public static Cascades of(RunResults run) {
        try (Stream<JsonNode> events = run.events()) {
            return of(events);
        }
    }

    /** Every cascade, in start order. */
    public List<Cascade> list() {
        return list;
    }

    /** The largest cascade size, 0 without cascades (summary.json {@code max_cascade_size}). */
    public int maxSize() {
        return list.stream().mapToInt(Cascade::size).max().orElse(0);
    }

    /** The deepest cascade, 0 without cascades (summary.json {@code max_cascade_depth}). */
    public int maxDepth() {
        return list.stream().mapToInt(Cascade::depth).max().orElse(0);
    }

    /** Cascade size → number of cascades of that size, ascending by size. */
    public SortedMap<Integer, Integer> sizeDistribution() {
        SortedMap<Integer, Integer> out = new TreeMap<>();
        for (Cascade c : list) {
            out.merge(c.size(), 1, Integer::sum);
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** Liquidation steps over all cascades. */
    public int totalSize() {
        return list.stream().mapToInt(Cascade::size).sum();
    }
}
