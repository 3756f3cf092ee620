package backstop.model.metrics;

import backstop.protocol.event.EventSink;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Metric;
import backstop.protocol.metric.Metric.Group;
import backstop.protocol.metric.Metric.Unit;
import backstop.protocol.metric.Readings;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectLinkedOpenHashMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Builds liquidation cascades from cause links as events stream past. A liquidation's parent is the
 * liquidation behind its cause — directly, or through an oracle price whose move the world attributed to a
 * liquidation's flow. A liquidation with no such parent has depth 1 and belongs to the cascade rooted at its
 * own cause (the exogenous price move that set it off), so every account one shock liquidates is in that
 * shock's cascade; descendants join their parent's cascade one level deeper. Repeated steps of one
 * account's liquidation share their cause, so they are siblings, not a deeper cascade. A cascade's size counts the liquidation steps that closed something
 * (attempts that found no liquidity are not liquidations), and a cascade exists once one of them has.
 */
public final class CascadeTracker implements EventSink {
    /**
     * One liquidation step of a cascade that closed something: the liquidation event behind it, the liquidation
     * that caused it (0 when the cascade's exogenous root did), the account, its depth, block and closed notional
     * (quote micros). Following {@code parent} links gives the cascade's tree: which liquidation caused which.
     */
    public record Step(long liquidation, long parent, int account, int depth, long block, long notional) {
    }

    /** One cascade: its root event (the exogenous move, or a liquidation without a cause), size, depth, closed notional and the blocks it spanned. */
    public static final class Cascade {
        private final long root;
        private final long firstBlock;
        private long lastBlock;
        private int size;
        private int depth;
        private long notional;
        private final List<Step> steps = new ArrayList<>();

        Cascade(long root, long block) {
            this.root = root;
            this.firstBlock = block;
            this.lastBlock = block;
        }

        public long root() {
            return root;
        }

        public int size() {
            return size;
        }

        public int depth() {
            return depth;
        }

        /** Notional closed by its liquidations, quote micros. */
        public long notional() {
            return notional;
        }

        public long firstBlock() {
            return firstBlock;
        }

        public long lastBlock() {
            return lastBlock;
        }

        /** Its liquidation steps in the order they settled; {@link #size()} of them. */
        public List<Step> steps() {
            return Collections.unmodifiableList(steps);
        }
    }

    private final Long2LongOpenHashMap oracleCause = new Long2LongOpenHashMap();
    private final Long2LongOpenHashMap rootOf = new Long2LongOpenHashMap();
    private final Long2LongOpenHashMap depthOf = new Long2LongOpenHashMap();
    private final Long2LongOpenHashMap parentOf = new Long2LongOpenHashMap();
    private final Long2ObjectLinkedOpenHashMap<Cascade> cascades = new Long2ObjectLinkedOpenHashMap<>();

    @Override
    public void accept(ProtocolEvent e) {
        if (e instanceof ProtocolEvent.OraclePrice o) {
            if (o.causeId() != 0 && rootOf.containsKey(o.causeId())) {
                oracleCause.put(o.id(), o.causeId());
            }
        } else if (e instanceof ProtocolEvent.Liquidation l) {
            long parent = parentLiquidation(l.causeId());
            rootOf.put(l.id(), parent != 0 ? rootOf.get(parent) : (l.causeId() != 0 ? l.causeId() : l.id()));
            parentOf.put(l.id(), parent);
            depthOf.put(l.id(), parent != 0 ? depthOf.get(parent) + 1 : 1);
        } else if (e instanceof ProtocolEvent.LiquidationSettled s && s.sizeClosed() > 0 && rootOf.containsKey(s.causeId())) {
            long root = rootOf.get(s.causeId());
            Cascade c = cascades.computeIfAbsent(root, r -> new Cascade(r, s.block()));
            c.size++;
            c.depth = (int) Math.max(c.depth, depthOf.get(s.causeId()));
            c.lastBlock = s.block();
            c.notional += s.notional();
            c.steps.add(new Step(s.causeId(), parentOf.get(s.causeId()), s.account(), (int) depthOf.get(s.causeId()),
                    s.block(), s.notional()));
        }
    }

    private long parentLiquidation(long cause) {
        if (rootOf.containsKey(cause)) {
            return cause;
        }
        return oracleCause.getOrDefault(cause, 0L);
    }

    /** Every cascade so far, in the order they started. */
    public Collection<Cascade> cascades() {
        return cascades.values();
    }

    /** The largest cascade size (liquidations), 0 with none. */
    /** Liquidations in the largest cascade. */
    public static final Metric MAX_SIZE = Metric.of("max_cascade_size", Group.LIQUIDATIONS, Unit.COUNT,
            "liquidations in the largest cascade");
    /** Levels of the deepest cascade. */
    public static final Metric MAX_DEPTH = Metric.of("max_cascade_depth", Group.LIQUIDATIONS, Unit.COUNT,
            "levels of the deepest cascade");

    /** The cascade metrics this tracker reports (it is fed its events by the model, not by the meter). */
    public Meter meter() {
        return new Meter() {
            @Override
            public List<Metric> metrics() {
                return List.of(MAX_SIZE, MAX_DEPTH);
            }

            @Override
            public void read(int scope, Readings out) {
                if (scope == RUN) {
                    out.put(MAX_SIZE, maxSize()).put(MAX_DEPTH, maxDepth());
                }
            }
        };
    }

    public int maxSize() {
        int max = 0;
        for (Cascade c : cascades.values()) {
            max = Math.max(max, c.size);
        }
        return max;
    }

    /** The deepest cascade, 0 with none. */
    public int maxDepth() {
        int max = 0;
        for (Cascade c : cascades.values()) {
            max = Math.max(max, c.depth);
        }
        return max;
    }

    /** Cascade sizes, in start order (for the size distribution). */
    public List<Integer> sizes() {
        List<Integer> out = new ArrayList<>();
        for (Cascade c : cascades.values()) {
            out.add(c.size);
        }
        return out;
    }
}
