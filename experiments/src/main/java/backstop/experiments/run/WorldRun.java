package backstop.experiments.run;

import backstop.experiments.results.RunResult;
import backstop.agents.AccountAgent;
import backstop.agents.AgentClass;
import backstop.agents.RolePayoffs;
import backstop.agents.adversary.ExtractionMeter;
import backstop.agents.adversary.OracleManipulator;
import backstop.agents.keepers.Keeper;
import backstop.agents.keepers.KeeperMeter;
import backstop.experiments.design.DesignSpec;
import backstop.experiments.results.PayoffIdentity;
import backstop.experiments.results.RunMetrics;
import backstop.experiments.results.RunSize;
import backstop.experiments.results.Summary;
import backstop.experiments.scenario.ScenarioSpec;
import backstop.model.agent.Agent;
import backstop.model.sim.BackstopModel;
import backstop.model.world.ChainMeter;
import backstop.model.world.World;
import backstop.protocol.metric.Meters;
import backstop.protocol.Protocol;
import backstop.protocol.event.EventSink;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs one scenario under one design on one seed, headless, and gathers its results. */
public final class WorldRun {
    private WorldRun() {
    }

    /** Names account tags by agent class ({@code market_maker}…), and the protocol's vault. */
    public static String className(int tag) {
        if (tag == Protocol.VAULT_TAG) {
            return "vault";
        }
        AgentClass[] all = AgentClass.values();
        return tag >= 0 && tag < all.length ? all[tag].name().toLowerCase(Locale.ROOT) : "tag" + tag;
    }

    /** Runs to the end; every protocol event also goes to {@code sink}. */
    public static RunResult run(ScenarioSpec scenario, DesignSpec design, long seed, EventSink sink) {
        return run(scenario, design, seed, sink, block -> { });
    }

    /** The same, telling {@code afterBlock} each block's number as it ends (progress displays; it must not act). */
    public static RunResult run(ScenarioSpec scenario, DesignSpec design, long seed, EventSink sink,
                                java.util.function.LongConsumer afterBlock) {
        return run(scenario, design, seed, sink, afterBlock, Interventions.none());
    }

    /**
     * The same with mid-run edits: before each block, {@code edits} due after the block just ended are applied, as the
     * GUI applies them between blocks, so a GUI run's manifest replays to the same results.
     */
    public static RunResult run(ScenarioSpec scenario, DesignSpec design, long seed, EventSink sink,
                                java.util.function.LongConsumer afterBlock, Interventions edits) {
        long started = System.nanoTime();
        RunMetrics metrics = new RunMetrics();
        BackstopModel model = model(scenario, design, seed, metrics, sink);
        model.onRecord(s -> afterBlock.accept(model.world().block()));
        edits.checkWithin(scenario.world().blocks());
        model.runToEnd(edits::applyDue);
        return result(model, scenario, design, seed, metrics, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Builds (but does not start) the model of one run, wired so that {@code metrics} sees every protocol event
     * before {@code sink} does, closes each block and adds the loss decomposition to the time series
     * ({@link RunMetrics#lossColumns}); the GUI steps the same model block by block.
     */
    public static BackstopModel model(ScenarioSpec scenario, DesignSpec design, long seed, RunMetrics metrics,
                                      EventSink sink) {
        BackstopModel model = new BackstopModel(seed, scenario.world(), markets -> design.build(markets, seed),
                scenario.agents(), e -> {
                    metrics.accept(e);
                    sink.accept(e);
                });
        model.nameTags(WorldRun::className);
        model.sampleAlso(metrics.lossColumns());
        model.onWorld(w -> metrics.attach(w.protocol()));
        model.onRecord(s -> {
            World w = model.world();
            double[] exo = new double[w.prices().assets()];
            for (int i = 0; i < exo.length; i++) {
                exo[i] = w.prices().price(i);
            }
            metrics.endOfBlock(exo, scenario.blockSeconds());
        });
        return model;
    }

    /** The results of {@code model} so far (built by {@link #model}), with {@code wall_seconds} as given. */
    public static RunResult result(BackstopModel model, ScenarioSpec scenario, DesignSpec design, long seed,
                                   RunMetrics metrics, double wallSeconds) {
        World w = model.world();
        List<RunResult.AgentRow> agents = new ArrayList<>();
        Map<AgentClass, Double> payoffs = new EnumMap<>(AgentClass.class);
        List<Keeper> keepers = new ArrayList<>();
        List<OracleManipulator> manipulators = new ArrayList<>();
        for (Agent a : model.agents()) {
            double payoff = a.payoff(w);
            String cls = a instanceof AccountAgent aa ? aa.agentClass().name().toLowerCase(Locale.ROOT) : "other";
            int account = a instanceof AccountAgent aa ? aa.account() : -1;
            agents.add(new RunResult.AgentRow(a.id(), a.population(), cls, account, a.endowment(), payoff, a.gasPaid(),
                    a.submitted(), a.ordersSent(), a.failed()));
            if (a instanceof AccountAgent aa) {
                payoffs.merge(aa.agentClass(), payoff, Double::sum);
            }
            if (a instanceof Keeper k) {
                keepers.add(k);
            }
            if (a instanceof OracleManipulator m) {
                manipulators.add(m);
            }
        }
        Meters meters = Summary.meters(metrics, model.cascades().meter(), new RolePayoffs(() -> payoffs),
                List.of(new ExtractionMeter(w, manipulators), new ChainMeter(w), PayoffIdentity.meter(model),
                        new KeeperMeter(keepers)),
                new RunSize(metrics, wallSeconds));
        return new RunResult(scenario.name(), design.name(), seed, meters.summary(), meters.metrics(),
                model.recorder().series(), model.flows().matrix(), agents, metrics.markets(meters), w.protocol().stateHash());
    }
}
