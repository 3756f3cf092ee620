package backstop.model.agent;

import backstop.model.chain.OrderingRule;
import backstop.model.market.ImpactShape;
import backstop.model.price.ProcessSpec;
import backstop.model.random.Streams;
import backstop.model.world.World;
import backstop.model.world.WorldDriver;
import backstop.model.world.WorldSpec;
import backstop.protocol.Protocol;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.market.MarketSpec;
import ec.util.MersenneTwisterFast;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The wake calendar against the obvious thing: polling every agent's {@link Agent#wakes} in every block (how the
 * agents phase worked before the calendar). Random populations mix every kind of wake — every block, shorter than a
 * block, whole and fractional numbers of blocks, beyond the calendar's buckets (few here: 16 to 256), never — and
 * some agents change their interval in the middle of the run, from their own act or from outside it (as a receipt
 * would); both ways wake each agent in exactly the same blocks.
 */
class WakeCalendarProperties {
    private static final double[] BLOCK_SECONDS = {0.25, 0.4, 1, 2.5, 12};

    /** The protocol's pinned jqwik seed ({@code backstop.protocol.Seeds.PINNED}, in test sources this module cannot see). */
    private static final String PINNED = "20261202";

    @Property(tries = 60, seed = PINNED)
    void theCalendarWakesEveryAgentInTheBlocksPollingWould(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed,
                                                           @ForAll @IntRange(min = 0, max = 4) int blockChoice,
                                                           @ForAll @IntRange(min = 4, max = 8) int slotBits) {
        double blockSeconds = BLOCK_SECONDS[blockChoice];
        // Few buckets, so that a run of a few thousand blocks files many wakes in the far queue and at its edge.
        int slots = 1 << slotBits;
        int blocks = 3_000;
        List<Probe> polled = probes(seed, blockSeconds, slots);
        List<Probe> calendared = probes(seed, blockSeconds, slots);

        WorldDriver reference = driver(blockSeconds, blocks);
        for (Probe p : polled) {
            p.world = reference.world();
        }
        WorldDriver driver = driver(blockSeconds, blocks);
        WakeCalendar calendar = new WakeCalendar(driver.world(), new MersenneTwisterFast(seed), slots);
        for (Probe p : calendared) {
            calendar.add(p);
        }
        for (long b = 1; b <= blocks; b++) {
            reference.moveEnvironment(b);
            double now = reference.world().now();
            for (Probe p : polled) {
                if (p.wakes(now)) {
                    p.act(p.world);
                }
            }
            driver.moveEnvironment(b);
            calendar.step(null);
            for (int i = 0; i < polled.size(); i++) {
                polled.get(i).betweenBlocks(b);
                calendared.get(i).betweenBlocks(b);
            }
        }
        long wakes = 0;
        for (int i = 0; i < polled.size(); i++) {
            List<Long> expected = polled.get(i).woke;
            List<Long> actual = calendared.get(i).woke;
            int k = 0;
            while (k < Math.min(expected.size(), actual.size()) && expected.get(k).equals(actual.get(k))) {
                k++;
            }
            assertEquals(expected.size(), k, "agent " + i + " (" + calendared.get(i) + "), wake " + k
                    + ": polling woke it in block " + (k < expected.size() ? expected.get(k) : "none")
                    + ", the calendar in " + (k < actual.size() ? actual.get(k) : "none"));
            assertEquals(expected.size(), actual.size(), "agent " + i + ": woke more often under the calendar");
            wakes += polled.get(i).woke.size();
        }
        assertNotEquals(0, wakes, "the population must wake");
    }

    /** A population of 60 probes with wake kinds drawn from {@code seed}. */
    private static List<Probe> probes(long seed, double blockSeconds, int slots) {
        MersenneTwisterFast rng = new MersenneTwisterFast(seed);
        List<Probe> out = new ArrayList<>();
        for (int id = 0; id < 60; id++) {
            double every = interval(rng, blockSeconds, slots);
            Probe p = new Probe(id, every, rng.nextDouble());
            if (rng.nextInt(4) == 0) {
                p.changeAtWake = 1 + rng.nextInt(5);
            }
            if (rng.nextInt(6) == 0) {
                p.changeAfterBlock = 1 + rng.nextInt(2_000);
            }
            p.newEvery = interval(rng, blockSeconds, slots);
            p.newPhase = rng.nextDouble();
            out.add(p);
        }
        return out;
    }

    private static double interval(MersenneTwisterFast rng, double blockSeconds, int slots) {
        return switch (rng.nextInt(7)) {
            case 0 -> 0;
            case 1 -> blockSeconds * rng.nextDouble();                        // shorter than a block
            case 2 -> blockSeconds * (1 + rng.nextInt(20));                   // whole blocks
            case 3 -> blockSeconds * 50 * rng.nextDouble();                   // fractional blocks
            case 4 -> blockSeconds * (slots + rng.nextInt(4 * slots));        // beyond the buckets
            case 5 -> blockSeconds * slots * (0.9 + 0.2 * rng.nextDouble());  // around their edge
            default -> Double.POSITIVE_INFINITY;                              // never again
        };
    }

    static WorldDriver driver(double blockSeconds, long blocks) {
        MarketSpec btc = MarketSpec.builder(0, "BTC", "0.1", "0.001").build();
        WorldSpec.Asset asset = new WorldSpec.Asset(btc, 20_000, new ProcessSpec.Gbm(0, 0.5),
                new WorldSpec.External(ImpactShape.SQUARE_ROOT, 0.01, 10_000_000, 120));
        WorldSpec.Oracle oracle = new WorldSpec.Oracle(List.of(new WorldSpec.Source("binance", 1, 0, 1, 0, 0)), 0.1);
        WorldSpec.Chain chain = new WorldSpec.Chain(OrderingRule.PRIORITY_FEE, 30_000_000, 15_000_000, 20, 1, 2_000, 20);
        WorldSpec spec = new WorldSpec("calendar", blockSeconds, blocks, 10, List.of(asset), new double[][] {{1}}, oracle,
                chain, List.of());
        return new WorldDriver(spec, new Protocol(ProtocolConfig.basic(List.of(btc)), e -> { }), new Streams(1));
    }

    /** Records the blocks it acts in; may change its wake interval at its n-th wake or after a given block. */
    static final class Probe extends Agent {
        final List<Long> woke = new ArrayList<>();
        /** Where agents that share it write their ids as they act (null: nowhere). */
        List<Integer> log;
        int changeAtWake = -1;
        long changeAfterBlock = -1;
        double newEvery;
        double newPhase;
        private final double every;

        Probe(int id, double every, double phase) {
            super(id, "probes", 0);
            this.every = every;
            wakeEvery(every, phase);
        }

        @Override
        public void setUp(World w) {
        }

        @Override
        public void act(World w) {
            woke.add(w.block());
            if (log != null) {
                log.add(id());
            }
            if (woke.size() == changeAtWake) {
                wakeEvery(newEvery, newPhase);
            }
        }

        /** A change from outside the agents phase, as a receipt's callback would make it. */
        void betweenBlocks(long block) {
            if (block == changeAfterBlock) {
                wakeEvery(newEvery, newPhase);
            }
        }

        @Override
        public int gasAccount() {
            return -1;
        }

        @Override
        public double endowment() {
            return 0;
        }

        @Override
        public String toString() {
            return "every " + every + " s, change at wake " + changeAtWake + " / after block " + changeAfterBlock
                    + " to " + newEvery + " s × " + newPhase;
        }
    }
}
