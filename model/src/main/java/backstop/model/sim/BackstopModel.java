package backstop.model.sim;

import backstop.model.agent.Agent;
import backstop.model.agent.AgentFactory;
import backstop.model.agent.WakeCalendar;
import backstop.model.metrics.CascadeTracker;
import backstop.model.metrics.Recorder;
import backstop.model.metrics.SampledColumns;
import backstop.model.metrics.ValueFlows;
import backstop.model.random.Streams;
import backstop.model.world.World;
import backstop.model.world.WorldDriver;
import backstop.model.world.WorldSpec;
import backstop.protocol.Protocol;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventSink;
import backstop.protocol.market.MarketSpec;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The MASON model of one run: a world of agents around a protocol, one schedule step per block, the six
 * phases of {@link Phase} as orderings within it; in the agents phase a {@link WakeCalendar} steps the agents that
 * wake in the block. It assembles the {@link World} (driven through its
 * {@link WorldDriver}), the agents and the metrics; it runs the same with or without the GUI; headless runs
 * call {@link #runToEnd()}.
 */
public class BackstopModel extends SimState {
    private static final long serialVersionUID = 1L;

    private final transient WorldSpec spec;
    private final transient Function<List<MarketSpec>, ProtocolConfig> design;
    private final transient List<AgentFactory> populations;
    private final transient EventSink sink;
    private final transient List<Steppable> recorders = new ArrayList<>();
    private final transient List<SampledColumns> sampled = new ArrayList<>();
    private final transient List<java.util.function.Consumer<World>> onWorld = new ArrayList<>();
    private final transient List<Agent> agents = new ArrayList<>();
    private transient WorldDriver driver;
    private transient World world;
    private transient CascadeTracker cascades;
    private transient Recorder recorder;
    private transient ValueFlows flows;
    private transient IntFunction<String> tagNames = tag -> tag == Protocol.VAULT_TAG ? "vault" : "tag" + tag;

    /**
     * @param design      builds a fresh protocol config (the loss-mitigation design) for the world's markets
     * @param populations the agent populations, created in this order (ids follow it)
     * @param sink        receives every protocol event
     */
    public BackstopModel(long seed, WorldSpec spec, Function<List<MarketSpec>, ProtocolConfig> design,
                         List<AgentFactory> populations, EventSink sink) {
        super(seed);
        this.spec = spec;
        this.design = design;
        this.populations = List.copyOf(populations);
        this.sink = sink;
    }

    @Override
    public void start() {
        super.start();
        List<MarketSpec> markets = new ArrayList<>();
        for (WorldSpec.Asset a : spec.assets()) {
            markets.add(a.market());
        }
        Streams streams = new Streams(seed());
        cascades = new CascadeTracker();
        recorder = new Recorder(spec.sampleSeconds(), sampled);
        WorldDriver[] holder = new WorldDriver[1];
        Protocol protocol = new Protocol(design.apply(markets), e -> {
            if (holder[0] != null) {
                holder[0].onEvent(e);
            }
            cascades.accept(e);
            recorder.accept(e);
            if (flows != null) {
                flows.accept(e);
            }
            sink.accept(e);
        });
        flows = new ValueFlows(protocol, tagNames);
        driver = new WorldDriver(spec, protocol, streams);
        world = driver.world();
        holder[0] = driver;
        for (java.util.function.Consumer<World> w : onWorld) {
            w.accept(world);
        }
        WakeCalendar calendar = new WakeCalendar(world, streams.stream("agent-order"));
        driver.moveEnvironment(0);
        driver.publishOracle();
        agents.clear();
        for (AgentFactory f : populations) {
            List<Agent> created = f.create(agents.size(), world, streams.stream("agents/" + f.name()));
            agents.addAll(created);
            driver.addSenders(created);
        }
        for (Agent a : agents) {
            a.setUp(world);
        }
        for (Agent a : agents) {
            calendar.add(a);
        }
        driver.endBlock();
        schedulePhase(Phase.ENVIRONMENT, s -> driver.moveEnvironment((long) schedule.getTime() + 1));
        schedulePhase(Phase.ORACLE, s -> driver.publishOracle());
        schedulePhase(Phase.AGENTS, calendar);
        schedulePhase(Phase.BLOCK, s -> driver.executeBlock());
        schedulePhase(Phase.END_BLOCK, s -> driver.endBlock());
        // One steppable, in a fixed order: the run's recorders close the block first, then the time series samples
        // it, so columns added with sampleAlso read what those recorders have seen (MASON would shuffle several).
        schedulePhase(Phase.RECORD, s -> {
            for (Steppable r : recorders) {
                r.step(s);
            }
            recorder.sample(world);
        });
    }

    private void schedulePhase(int ordering, Steppable step) {
        schedule.scheduleRepeating(Schedule.EPOCH, ordering, step, 1.0);
    }

    /** Names account tags (agent classes) in the value-flow matrix; call before starting. */
    public void nameTags(IntFunction<String> names) {
        this.tagNames = names;
    }

    /** The value-flow matrix of the current run. */
    public ValueFlows flows() {
        return flows;
    }

    /**
     * Registers a recorder run in the {@link Phase#RECORD} phase of every block, in registration order and before the
     * time series samples (call before starting).
     */
    public void onRecord(Steppable recorder) {
        recorders.add(recorder);
    }

    /**
     * Registers {@code listener} to be told of each run's world as soon as it exists, before any agent is created (call
     * before starting): the protocol's genesis has run, no agent has acted.
     */
    public void onWorld(java.util.function.Consumer<World> listener) {
        onWorld.add(listener);
    }

    /** Adds columns to the sampled time series, after {@code bad_debt} (call before starting). */
    public void sampleAlso(SampledColumns columns) {
        sampled.add(columns);
    }

    /** Runs every block of the scenario headless, then finishes. */
    public void runToEnd() {
        runToEnd(w -> { });
    }

    /**
     * Runs every block headless, calling {@code betweenBlocks} before each (after the block before it has ended, as a
     * GUI's "immediately before" edits run), then finishes.
     */
    public void runToEnd(java.util.function.Consumer<World> betweenBlocks) {
        start();
        while (schedule.getSteps() < spec.blocks()) {
            betweenBlocks.accept(world);
            if (!schedule.step(this)) {
                break;
            }
        }
        finish();
    }

    /** The world of the current run (after {@link #start()}). */
    public World world() {
        return world;
    }

    /** The agents of the current run (after {@link #start()}), in id order: an agent's id is its position. */
    public List<Agent> agents() {
        return Collections.unmodifiableList(agents);
    }

    public WorldSpec spec() {
        return spec;
    }

    /** The sampled time series and event counters of the current run. */
    public Recorder recorder() {
        return recorder;
    }

    /** Liquidation cascades of the current run. */
    public CascadeTracker cascades() {
        return cascades;
    }
}
