package backstop.experiments.results;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.design.DesignSpec;
import backstop.experiments.results.RunResult;
import com.fasterxml.jackson.databind.JsonNode;
import backstop.experiments.scenario.ScenarioSpec;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a run folder: what was run, on which seed, with which resolved configs, and by which
 * build on which machine ({@link BuildProvenance}, under {@code build}).
 */
public final class RunManifest {
    private RunManifest() {
    }

    /**
     * The manifest of one run, the same whether {@code backstop run} or a sweep wrote it; {@code events} is the
     * level its events file was written at.
     */
    public static Map<String, Object> of(ScenarioSpec scenario, DesignSpec design, long seed, List<String> overrides,
                                         String version, EventLevel events, RunResult r) {
        return of(scenario, design, seed, overrides, version, events, r, ConfigBinder.mapper().createArrayNode());
    }

    /**
     * The same, listing the mid-run edits the run had ({@code interventions}: block, type and parameters of each, in
     * the order applied, as {@code backstop.experiments.run.Interventions#manifestEntries} writes them; empty for a run
     * without any), so {@code backstop run --interventions manifest.json} replays it.
     */
    public static Map<String, Object> of(ScenarioSpec scenario, DesignSpec design, long seed, List<String> overrides,
                                         String version, EventLevel events, RunResult r, JsonNode interventions) {
        ObjectMapper mapper = ConfigBinder.mapper();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario.name());
        m.put("design", design.name());
        m.put("seed", seed);
        m.put("overrides", overrides);
        m.put("interventions", interventions);
        m.put("version", version);
        m.put("events", events.label());
        m.put("state_hash", Long.toHexString(r.stateHash()));
        m.put("wall_seconds", r.summary().get("wall_seconds"));
        m.put(BuildProvenance.KEY, BuildProvenance.fields());
        m.put("scenario_config", mapper.valueToTree(scenario));
        m.put("design_config", mapper.valueToTree(design));
        return m;
    }

    /**
     * The manifest of one run of a study's replay ({@code backstop.experiments.study.Replay}): a replay named as its
     * sweep's scenario, not an agent world, so no resolved configs, state hash or events; the rest as above.
     */
    public static Map<String, Object> replay(String replay, String design, long seed, List<String> overrides,
                                             String version, double wallSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", replay);
        m.put("kind", "replay");
        m.put("design", design);
        m.put("seed", seed);
        m.put("overrides", overrides);
        m.put("version", version);
        m.put("events", EventLevel.NONE.label());
        m.put("wall_seconds", wallSeconds);
        m.put(BuildProvenance.KEY, BuildProvenance.fields());
        return m;
    }
}
