package backstop.gui;

import backstop.experiments.cli.Main;
import backstop.experiments.design.DesignSpec;
import backstop.experiments.results.EventJsonl;
import backstop.experiments.results.EventLevel;
import backstop.experiments.results.RunDirectory;
import backstop.experiments.results.RunFolder;
import backstop.experiments.results.RunManifest;
import backstop.experiments.results.RunMetrics;
import backstop.experiments.results.RunResult;
import backstop.experiments.run.Intervention;
import backstop.experiments.run.WorldRun;
import backstop.experiments.scenario.ScenarioSpec;
import backstop.model.sim.BackstopModel;
import backstop.protocol.event.ProtocolEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One GUI run: the model assembled exactly as {@link WorldRun} assembles it (same metrics, same tag names),
 * so stepping it block by block gives the results {@code backstop run} gives for the same seed and config.
 */
public final class LiveRun {
    private final ScenarioSpec scenario;
    private final DesignSpec design;
    private final long seed;
    private final List<String> overrides;
    private final EventLevel level;
    private final RunMetrics metrics = new RunMetrics();
    // The events the level keeps, in memory so "save results" works at any block; GUI runs are short enough.
    private final List<ProtocolEvent> events = new ArrayList<>();
    private final BackstopModel model;

    /** Builds (but does not start) the model, keeping every event; {@code overrides} are the scenario's {@code --set}s. */
    public LiveRun(ScenarioSpec scenario, DesignSpec design, long seed, List<String> overrides) {
        this(scenario, design, seed, overrides, EventLevel.RUN_DEFAULT);
    }

    /**
     * The same, keeping (and saving) only the events {@code level} keeps: at {@code losses} the account map still
     * sees every liquidation and ADL transfer; at {@code none} it marks neither and a saved folder has no events file.
     * The metrics, the cascades view and the charts see every event at every level.
     */
    public LiveRun(ScenarioSpec scenario, DesignSpec design, long seed, List<String> overrides, EventLevel level) {
        this.scenario = scenario;
        this.design = design;
        this.seed = seed;
        this.overrides = List.copyOf(overrides);
        this.level = level;
        model = WorldRun.model(scenario, design, seed, metrics, e -> {
            if (level.keeps(e)) {
                events.add(e);
            }
        });
    }

    /** A new, unstarted run of the same scenario, design, seed, overrides and event level. */
    public LiveRun again() {
        return new LiveRun(scenario, design, seed, overrides, level);
    }

    /** The event level this run keeps and saves. */
    public EventLevel eventLevel() {
        return level;
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

    /** The protocol events so far that the event level keeps, in order (read-only view). */
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
        return WorldRun.result(model, scenario, design, seed, metrics, wallSeconds);
    }

    /**
     * Writes the standard run folder (manifest, summary, time series, agents, flows, markets, and the events the
     * level keeps, as events.jsonl.gz; none at level {@code none}) to {@code dir}.
     */
    public Path save(Path dir, double wallSeconds) throws IOException {
        return save(dir, wallSeconds, List.of());
    }

    /**
     * The same, listing in {@code manifest.json} the mid-run edits applied (so {@code backstop run --interventions
     * DIR/manifest.json} replays this run).
     */
    public Path save(Path dir, double wallSeconds, List<Intervention> interventions) throws IOException {
        RunDirectory folder = new RunDirectory(dir);
        try {
            RunResult result = result(wallSeconds);
            try (EventJsonl out = EventJsonl.open(folder.staging(), level)) {
                for (ProtocolEvent e : events) {
                    out.accept(e);
                }
            }
            RunFolder.write(folder.staging(), result,
                    RunManifest.of(scenario, design, seed, overrides, Main.VERSION, level, result,
                            backstop.experiments.run.Interventions.manifestEntries(interventions,
                                    backstop.experiments.config.ConfigBinder.mapper())));
            return folder.commit();
        } catch (IOException | RuntimeException e) {
            folder.abandon();
            throw e;
        }
    }
}
