package backstop.agents;

import backstop.agents.params.Dist;
import backstop.agents.populations.Populations;
import backstop.model.agent.AgentFactory;
import backstop.model.chain.OrderingRule;
import backstop.model.market.ImpactShape;
import backstop.model.price.ProcessSpec;
import backstop.model.sim.BackstopModel;
import backstop.model.world.WorldSpec;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventSink;
import backstop.protocol.market.MarketSpec;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one block of the world costs as the population grows. One operation is one schedule step (all six phases),
 * timed over runs of {@value #CYCLE} blocks (one wake cycle of the traders, so each run holds every trader's wake):
 * five runs warm up and ten are measured, so every case times the same simulated blocks, 501 to 1,500, after a
 * throwaway world of at most 10,000 accounts has run {@value #JIT_WARM_BLOCKS} blocks to warm the JIT up. The world is
 * the {@code base} scenario's calm BTC market (1 s blocks) with the {@code bench} scenario's mix of agents: 20 makers,
 * 5 arbitrageurs and 10 keepers acting every block, and {@code accounts} traders (90% leveraged, 10% noise).
 * <ul>
 *   <li>{@code population = all-1pct}: every trader wakes every 100 s, so 1% of them act in each block;</li>
 *   <li>{@code population = 10k-plus-idle}: 10,000 of them do, the rest never wake in the run (idle accounts that
 *   exist on the protocol, as most of a real exchange's accounts do).</li>
 * </ul>
 * Events go nowhere, so the figure is the simulation's own cost. JMH reports the wall time per block, and
 * {@code :cpuMillis} the benchmark thread's CPU time per block summed over the ten measured runs (divide by 10), since
 * on a shared machine CPU time is the steadier of the two. Run with
 * {@code ./bench agents BlockCostBenchmark} (the settings are the annotations'; {@code -wi}, {@code -i} or {@code -bs}
 * would change the simulated blocks timed; add {@code -p accounts=10000,100000} to choose sizes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
public class BlockCostBenchmark {
    static final long SEED = 0x5EED_B10CL;
    static final int ACTIVE_WITH_IDLE = 10_000;
    /** Blocks per invocation: the traders' wake interval, so each of them acts once in every invocation. */
    static final int CYCLE = 100;
    /** The throwaway world that warms the JIT up: at most this many accounts, stepped this many blocks. */
    static final int JIT_WARM_ACCOUNTS = 10_000;
    static final int JIT_WARM_BLOCKS = 3_000;
    /** Idle traders first wake this far into the run: never, in any benchmark. */
    static final double IDLE_WAKE_SECONDS = 1e12;

    @Param({"10000", "30000", "100000", "1000000"})
    int accounts;

    @Param({"all-1pct", "10k-plus-idle"})
    String population;

    private BackstopModel model;

    /** CPU milliseconds per block of the benchmark thread in the run's one operation. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Cpu {
        public double cpuMillis;

        @Setup(Level.Iteration)
        public void reset() {
            cpuMillis = 0;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Setup(Level.Trial)
    public void build() {
        // The JIT's warm-up on a throwaway world, so that JMH's warm-up runs only bring the measured world to block 501
        // and every size is timed on compiled code over the same simulated blocks (at 10k accounts the time per block
        // still fell threefold between blocks 500 and 1,500 of one world without it).
        step(world(Math.min(accounts, JIT_WARM_ACCOUNTS), population), JIT_WARM_BLOCKS);
        System.gc();
        model = world(accounts, population);
    }

    private static long step(BackstopModel m, int blocks) {
        for (int i = 0; i < blocks; i++) {
            m.schedule.step(m);
        }
        return m.schedule.getSteps();
    }

    /** A started world of {@code accounts} traders, as {@code population} says. */
    private static BackstopModel world(int accounts, String population) {
        int active = population.equals("all-1pct") ? accounts : Math.min(accounts, ACTIVE_WITH_IDLE);
        List<AgentFactory> agents = new ArrayList<>(List.of(
                new Populations.MarketMakers("makers", 20, 0, new Dist.Constant(2_000_000), 5, new Dist.Uniform(20_000, 60_000),
                        new Dist.Uniform(3, 8), 0.5, 0.5, 0.003, new Dist.Constant(500_000), new Dist.Uniform(3, 6), 2, 0.94,
                        new Dist.Constant(0.05), new Dist.Uniform(0.5, 3), null, null),
                new Populations.Arbitrageurs("arbitrageurs", 5, 0, new Dist.Constant(1_000_000), new Dist.Uniform(0.001, 0.003),
                        new Dist.Constant(50_000), new Dist.Constant(1_000_000), new Dist.Constant(1), new Dist.Constant(0.05),
                        new Dist.Constant(20), null),
                new Populations.Keepers("keepers", 10, new Dist.Constant(10_000), new Dist.Constant(0.005),
                        new Dist.Uniform(0.1, 0.6), 1, 400_000, 5, new Dist.Constant(1), new Dist.Uniform(0.05, 0.5), null, 0, null, null)));
        agents.addAll(traders("traders", active, new Dist.Constant(CYCLE)));
        agents.addAll(traders("idle", accounts - active, new Dist.Constant(IDLE_WAKE_SECONDS)));
        BackstopModel m = new BackstopModel(SEED, calmWorld(), ProtocolConfig::basic, agents, EventSink.NONE);
        m.start();
        return m;
    }

    /** {@code count} traders as in the {@code bench} scenario (90% leveraged, 10% noise), waking every {@code wake}. */
    private static List<AgentFactory> traders(String name, int count, Dist wake) {
        int noise = count / 10;
        return List.of(
                new Populations.LeveragedTraders(name + "/leveraged", count - noise, 0, new Dist.LogNormal(8, 1, 300, 100_000),
                        new Dist.Uniform(3, 19), 0.6, new Dist.Uniform(0.2, 0.8), 0.3, 1.15, 0.2, 0.2,
                        new Dist.Uniform(0, 1), wake, new Dist.Constant(0.2), new Dist.Uniform(5, 50)),
                new Populations.NoiseTraders(name + "/noise", noise, 0, new Dist.Constant(20_000), new Dist.Uniform(500, 5_000), 3,
                        wake, new Dist.Constant(0.2), new Dist.Uniform(2, 10)));
    }

    /** The {@code base} scenario's world: BTC at $20,000 under a 60% GBM, three venue feeds, an app-chain of 1 s blocks. */
    static WorldSpec calmWorld() {
        MarketSpec btc = MarketSpec.builder(0, "BTC", "0.1", "0.001").margin(50_000, 30_000).fees(-100, 500).build();
        WorldSpec.Asset asset = new WorldSpec.Asset(btc, 20_000, new ProcessSpec.Gbm(0, 0.6),
                new WorldSpec.External(ImpactShape.SQUARE_ROOT, 0.03, 1_000_000_000, 60));
        WorldSpec.Oracle oracle = new WorldSpec.Oracle(List.of(
                new WorldSpec.Source("binance", 3, 0, 1, 0, 0),
                new WorldSpec.Source("okx", 2, 0.0005, 3, 1, 0),
                new WorldSpec.Source("bybit", 2, 0.0005, 3, 1, 0)), 0.1);
        WorldSpec.Chain chain = new WorldSpec.Chain(OrderingRule.PRIORITY_FEE, 3_000_000_000L, 1_500_000_000L, 0.05, 0.01, 2_000, 20);
        return new WorldSpec("block-cost", 1, 100_000_000L, 60, List.of(asset), new double[][] {{1}}, oracle, chain, List.of());
    }

    /** {@value #CYCLE} blocks, every phase of each, the agents that wake in them included; the score is per block. */
    @Benchmark
    @OperationsPerInvocation(CYCLE)
    public long block(Cpu cpu) {
        long start = THREADS.getCurrentThreadCpuTime();
        long steps = step(model, CYCLE);
        cpu.cpuMillis += (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / CYCLE;
        return steps;
    }

    @TearDown(Level.Trial)
    public void checkConservation() {
        if (model.world().protocol().ledger().total() != 0) {
            throw new IllegalStateException("the ledger does not balance after the benchmark");
        }
    }
}
