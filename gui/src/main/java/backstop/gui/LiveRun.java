package backstop.gui;

import backstop.agents.AccountAgent;
import backstop.experiments.cli.Main;
import backstop.experiments.design.DesignSpec;
import backstop.experiments.results.EventJsonl;
import backstop.experiments.results.Json;
import backstop.experiments.results.RunDirectory;
import backstop.experiments.results.RunFolder;
import backstop.experiments.results.RunManifest;
import backstop.experiments.results.RunMetrics;
import backstop.experiments.results.Summary;
import backstop.experiments.run.RunResult;
import backstop.experiments.run.WorldRun;
import backstop.experiments.scenario.ScenarioSpec;
import backstop.model.agent.Agent;
import backstop.model.world.BackstopModel;
import backstop.model.world.World;
import backstop.protocol.event.ProtocolEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One GUI run: the model assembled exactly as {@link WorldRun} assembles it (same metrics, same tag names),
 * so stepping it block by block gives the results {@code backstop run} gives for the same seed and config.
 */
public final class LiveRun {
    private final ScenarioSpec scenario;
    private final DesignSpec design;
    private final long seed;
    private final List<String> overrides;
    private final RunMetrics metrics = new RunMetrics();
    // Kept in memory so "save results" works at any block; GUI runs are short enough for this.
    private final List<ProtocolEvent> events = new ArrayList<>();
    private final BackstopModel model;

    /** Builds (but does not start) the model; {@code overrides} are the scenario's {@code --set} assignments. */
    public LiveRun(ScenarioSpec scenario, DesignSpec design, long seed, List<String> overrides) {
        this.scenario = scenario;
        this.design = design;
        this.seed = seed;
        this.overrides = List.copyOf(overrides);
        model = new BackstopModel(seed, scenario.world(), markets -> design.build(markets, seed), scenario.agents(),
                e -> {
                    metrics.accept(e);
                    events.add(e);
                });
        model.nameTags(WorldRun::className);
        model.onRecord(s -> {
            World w = model.world();
            if (w.block() == 1) {
                metrics.attach(w.protocol());
            }
            double[] exo = new double[w.prices().assets()];
            for (int i = 0; i < exo.length; i++) {
                exo[i] = w.prices().price(i);
            }
            metrics.endOfBlock(exo, scenario.blockSeconds());
        });
    }

    /** A new, unstarted run of the same scenario, design, seed and overrides. */
    public LiveRun again() {
        return new LiveRun(scenario, design, seed, overrides);
    }

    public BackstopModel model() {
        return model;
    }

    public ScenarioSpec scenario() {
        return scenario;
    }

    public DesignSpec design() {
        return design;
    }

    /** Every protocol event so far, in order (read-only view). */
    public List<ProtocolEvent> events() {
        return java.util.Collections.unmodifiableList(events);
    }

    /** Blocks the scenario lasts. */
    public long blocks() {
        return scenario.world().blocks();
    }

    /** Steps one block; false once the scenario has ended. */
    public boolean step() {
        if (model.schedule.getSteps() >= blocks()) {
            return false;
        }
        return model.schedule.step(model);
    }

    /** The results so far, shaped as {@link WorldRun#run} shapes them ({@code wall_seconds} as given). */
    public RunResult result(double wallSeconds) {
        World w = model.world();
        List<RunResult.AgentRow> agents = new ArrayList<>();
        Map<String, Double> pnl = new TreeMap<>();
        for (Agent a : w.agents()) {
            double payoff = a.payoff(w);
            String cls = a instanceof AccountAgent aa ? aa.agentClass().name().toLowerCase(Locale.ROOT) : "other";
            int account = a instanceof AccountAgent aa ? aa.account() : -1;
            double capital = a instanceof AccountAgent aa ? aa.capital() : 0;
            agents.add(new RunResult.AgentRow(a.id(), a.population(), cls, account, capital, payoff, a.gasPaid(),
                    a.submitted(), a.failed()));
            pnl.merge(cls, payoff, Double::sum);
        }
        Map<String, Object> summary = Summary.of(metrics, pnl, model.cascades().maxSize(), model.cascades().maxDepth(),
                w.protocol().accounts().count(), wallSeconds);
        return new RunResult(scenario.name(), design.name(), seed, summary, model.recorder().series(),
                model.flows().matrix(), agents, w.protocol().stateHash());
    }

    /** Writes the standard run folder (manifest, summary, time series, events, agents, flows) to {@code dir}. */
    public Path save(Path dir, double wallSeconds) throws IOException {
        RunDirectory folder = new RunDirectory(dir);
        try {
            RunResult result = result(wallSeconds);
            try (EventJsonl out = new EventJsonl(folder.staging().resolve("events.jsonl"), Json.mapper())) {
                for (ProtocolEvent e : events) {
                    out.accept(e);
                }
            }
            RunFolder.write(folder.staging(), result,
                    RunManifest.of(scenario, design, seed, overrides, Main.VERSION, result));
            return folder.commit();
        } catch (IOException | RuntimeException e) {
            folder.abandon();
            throw e;
        }
    }
}
