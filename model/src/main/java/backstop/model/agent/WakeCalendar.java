package backstop.model.agent;

import backstop.model.world.World;
import ec.util.MersenneTwisterFast;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import sim.engine.SimState;
import sim.engine.Steppable;

import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The agents phase: a calendar queue of the block in which each agent next wakes, so a block costs what its woken
 * agents cost and idle agents cost nothing. Each block it takes the agents filed under it, puts them in id order,
 * shuffles them with the {@code agent-order} stream (Fisher–Yates) and steps each, then files each under the block of
 * its next wake: one bucket per block for the next {@value #SLOTS} blocks, and a queue by block for wakes beyond them.
 * Buckets hold agent ids, sorted as primitives: a block costs a few tens of nanoseconds per woken agent beyond the
 * agent's own work.
 * An agent acts at most once per block, in the first block whose start time is at or after its
 * {@link Agent#nextWake()} — the blocks in which polling every agent's wake time would have woken it.
 */
public final class WakeCalendar implements Steppable {
    private static final long serialVersionUID = 1L;
    /** Blocks ahead that have a bucket of their own; wakes further ahead wait in the far queue. */
    static final int SLOTS = 1 << 12;
    /** {@link Agent#wakeBlock} of an agent on no calendar, or that never wakes again. */
    static final long NOT_FILED = -1;
    /** {@link Agent#wakeBlock} of an agent taken off its bucket to act in the current block. */
    static final long DUE = -2;
    /** Beyond this many blocks a wake time is never reached. */
    private static final double NEVER = 0x1p62;
    private static final Comparator<Agent> BY_WAKE = Comparator.<Agent>comparingLong(a -> a.wakeBlock).thenComparingInt(Agent::id);

    private final transient World world;
    private final transient MersenneTwisterFast order;
    private final transient double blockSeconds;
    private final int slots;
    private final transient IntArrayList[] buckets;
    private final transient PriorityQueue<Agent> far = new PriorityQueue<>(BY_WAKE);
    /** The agents on the calendar by id. */
    private transient Agent[] byId = new Agent[16];
    /** Ids of the agents acting in the current block. */
    private transient int[] due = new int[16];
    /** The last block stepped (0: genesis, before the first block). */
    private long block;

    /** @param order the stream that orders the agents woken in one block ({@code agent-order}) */
    public WakeCalendar(World world, MersenneTwisterFast order) {
        this(world, order, SLOTS);
    }

    /** A calendar with {@code slots} buckets (a power of two); tests use few, to exercise the far queue. */
    WakeCalendar(World world, MersenneTwisterFast order, int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, got " + slots);
        }
        this.world = world;
        this.order = order;
        this.blockSeconds = world.spec().blockSeconds();
        this.slots = slots;
        this.buckets = new IntArrayList[slots];
    }

    /** Puts an agent (already set up) on the calendar, under the block of its first wake. */
    public void add(Agent a) {
        if (a.calendar != null) {
            throw new IllegalStateException("agent " + a.id() + " is already on a calendar");
        }
        int id = a.id();
        if (id >= byId.length) {
            byId = Arrays.copyOf(byId, Math.max(id + 1, 2 * byId.length));
        }
        if (byId[id] != null) {
            throw new IllegalStateException("two agents with id " + id);
        }
        byId[id] = a;
        a.calendar = this;
        a.world = world;
        file(a);
    }

    /** Steps the agents that wake in the world's current block, which must follow the last one stepped. */
    @Override
    public void step(SimState state) {
        long now = world.block();
        if (now != block + 1) {
            throw new IllegalStateException("wake calendar stepped at block " + now + " after block " + block);
        }
        block = now;
        IntArrayList bucket = buckets[(int) (now & (slots - 1))];
        int n = 0;
        if (bucket != null) {
            n = bucket.size();
            if (n > due.length) {
                due = new int[Math.max(n, 2 * due.length)];
            }
            bucket.getElements(0, due, 0, n);
            bucket.clear();
            for (int i = 0; i < n; i++) {
                Agent a = byId[due[i]];
                if (a.wakeBlock != now) {
                    throw new IllegalStateException("agent " + a.id() + " filed under block " + a.wakeBlock
                            + " was found in the bucket of block " + now);
                }
                a.wakeBlock = DUE;
            }
        }
        while (!far.isEmpty() && far.peek().wakeBlock - now <= slots) {
            Agent a = far.poll();
            bucket(a.wakeBlock).add(a.id());
        }
        // Id order, then Fisher–Yates with the agent-order stream.
        Arrays.sort(due, 0, n);
        for (int i = n - 1; i > 0; i--) {
            int j = order.nextInt(i + 1);
            int t = due[i];
            due[i] = due[j];
            due[j] = t;
        }
        double time = world.now();
        for (int i = 0; i < n; i++) {
            Agent a = byId[due[i]];
            // Always true, unless an agent that acted before it in this block moved its wake time later.
            if (a.wakes(time)) {
                a.step(state);
            }
            file(a);
        }
    }

    /** The agent's wake time changed: it moves to the block of its new next wake (at once, unless it is acting now). */
    void moved(Agent a) {
        if (a.wakeBlock == DUE) {
            return;
        }
        if (a.wakeBlock != NOT_FILED && !(a.wakeBlock - block <= slots ? bucket(a.wakeBlock).rem(a.id()) : far.remove(a))) {
            throw new IllegalStateException("agent " + a.id() + " is not under block " + a.wakeBlock);
        }
        file(a);
    }

    /** Agents on the calendar that will wake again (the others never will). */
    public int size() {
        int n = far.size();
        for (IntArrayList b : buckets) {
            n += b == null ? 0 : b.size();
        }
        return n;
    }

    private void file(Agent a) {
        long wake = firstBlockAtOrAfter(a.nextWake(), blockSeconds);
        if (wake == NOT_FILED) {
            a.wakeBlock = NOT_FILED;
            return;
        }
        a.wakeBlock = Math.max(wake, block + 1);
        if (a.wakeBlock - block <= slots) {
            bucket(a.wakeBlock).add(a.id());
        } else {
            far.add(a);
        }
    }

    private IntArrayList bucket(long wake) {
        int slot = (int) (wake & (slots - 1));
        if (buckets[slot] == null) {
            buckets[slot] = new IntArrayList();
        }
        return buckets[slot];
    }

    /**
     * The first block whose start, {@code block × blockSeconds} as the world computes it, is at or after {@code seconds};
     * {@link #NOT_FILED} for a time never reached. A NaN time is always passed (as {@code now < NaN} is false).
     */
    static long firstBlockAtOrAfter(double seconds, double blockSeconds) {
        if (!(seconds > 0)) {
            return 0;
        }
        double blocks = Math.ceil(seconds / blockSeconds);
        if (!(blocks < NEVER)) {
            return NOT_FILED;
        }
        long b = (long) blocks;
        while (b > 0 && (b - 1) * blockSeconds >= seconds) {
            b--;
        }
        while (b * blockSeconds < seconds) {
            b++;
        }
        return b;
    }
}
