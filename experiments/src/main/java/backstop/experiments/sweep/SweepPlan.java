package backstop.experiments.sweep;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigException;
import backstop.experiments.config.ConfigTree;
import backstop.experiments.design.DesignOverrides;
import backstop.experiments.design.DesignSpec;
import backstop.experiments.design.Presets;
import backstop.experiments.results.EventLevel;
import backstop.experiments.scenario.ScenarioSpec;
import backstop.experiments.scenario.Scenarios;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A validated, expanded sweep: every design resolved, every parameter point checked against the scenario, and
 * the runs listed (every design on every point and every seed: common random numbers). Building one runs
 * nothing and writes nothing, so bad input is refused before any output exists.
 */
public record SweepPlan(String name, String scenario, List<String> overrides, List<DesignSpec> designs,
                        String baseline, List<ParameterPoint> points, List<Long> seeds, List<PlannedRun> runs,
                        SweepSpec spec, EventLevel events) {
    /** Names become folder names, so they are kept to portable characters. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Reads and validates a sweep file (YAML or JSON); scenario and design files in it are found beside it. */
    public static SweepPlan load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": no such sweep file");
        }
        try {
            return of(ConfigTree.parse(Files.readString(file), file.toString()), file.toString(),
                    file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Validates and expands a sweep document; {@code origin} names it in errors. */
    public static SweepPlan of(ObjectNode doc, String origin, Path baseDir) {
        SweepSpec spec = ConfigBinder.bind(doc, SweepSpec.class, origin);
        String name = safeName(spec.name(), "name", origin);
        boolean scenarioAxis = spec.parameters() != null && spec.parameters().grid() != null
                && spec.parameters().grid().containsKey(ParameterPoint.SCENARIO);
        if (spec.scenario() == null && !scenarioAxis) {
            throw new ConfigException(origin + ": scenario: is required (a library name or a file), unless"
                    + " parameters.grid.scenario lists the scenarios");
        }
        String scenario = spec.scenario() == null ? null : beside(spec.scenario(), baseDir, Scenarios.NAMES);
        List<DesignSpec> designs = designs(spec, origin, baseDir);
        String baseline = spec.baseline() != null ? spec.baseline() : designs.get(0).name();
        List<String> names = designs.stream().map(DesignSpec::name).toList();
        if (!names.contains(baseline)) {
            throw new ConfigException(origin + ": baseline: '" + baseline + "' is not one of the designs ("
                    + String.join(", ", names) + ")");
        }
        List<Long> seeds = seeds(spec.replications(), spec.baseSeed(), origin);
        List<ParameterPoint> points = ParameterSpace.expand(spec.parameters(), origin);
        Map<String, String> scenarios = scenarios(scenario, points, baseDir, origin);
        for (String s : new java.util.LinkedHashSet<>(scenarios.values())) {
            checkOverrides(s, spec.overrides(), scenarioAxis ? origin + " (scenario " + s + ")" : origin);
        }
        checkPoints(scenarios, spec.overrides(), points, origin, spec.parameters());
        checkDesignAssignments(designs, spec.overrides(), points, origin, spec.parameters());
        return new SweepPlan(name, scenario, spec.overrides(), designs, baseline, points, seeds,
                runs(designs, points, seeds, spec.overrides(), scenarios, origin), spec, spec.events());
    }

    /** The same plan with its runs' events written at {@code level} (the {@code --events} option). */
    public SweepPlan withEvents(EventLevel level) {
        return new SweepPlan(name, scenario, overrides, designs, baseline, points, seeds, runs, spec, level);
    }

    /** The resolved sweep as written to {@code sweep.json}: the spec with defaults, the points, designs and run ids. */
    public Map<String, Object> resolved() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", spec.description());
        m.put("scenario", scenario);
        m.put("overrides", overrides);
        m.put("baseline", baseline);
        m.put("replications", seeds.size());
        m.put("base_seed", seeds.get(0));
        m.put("seeds", seeds);
        m.put("events", events.label());
        m.put("parameters", spec.parameters() == null ? null : ConfigBinder.mapper().valueToTree(spec.parameters()));
        List<Map<String, Object>> pts = new ArrayList<>();
        for (ParameterPoint p : points) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("index", p.index());
            pm.put("values", p.values());
            pts.add(pm);
        }
        m.put("points", pts);
        m.put("designs", designs.stream().map(d -> ConfigBinder.mapper().valueToTree(d)).toList());
        m.put("runs", runs.stream().map(PlannedRun::id).toList());
        return m;
    }

    private static List<DesignSpec> designs(SweepSpec spec, String origin, Path baseDir) {
        if (spec.designs().isEmpty()) {
            throw new ConfigException(origin + ": designs: must list at least one design (a preset name or a mapping)");
        }
        List<DesignSpec> designs = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < spec.designs().size(); i++) {
            JsonNode item = spec.designs().get(i);
            String where = origin + ": designs[" + i + "]";
            DesignSpec d;
            if (item != null && item.isTextual()) {
                d = prefixed(where, () -> Presets.loadOrFile(beside(item.asText(), baseDir, Presets.NAMES)));
            } else if (item != null && item.isObject()) {
                if (!item.hasNonNull("name")) {
                    throw new ConfigException(where + ".name: an inline design needs its own name");
                }
                d = Presets.bind((ObjectNode) item, where);
            } else {
                throw new ConfigException(where + ": must be a preset name or a design mapping, got " + item);
            }
            safeName(d.name(), "designs[" + i + "].name", origin);
            Integer before = seen.putIfAbsent(d.name(), i);
            if (before != null) {
                throw new ConfigException(origin + ": designs[" + i + "].name: '" + d.name() + "' is already the name of designs["
                        + before + "]; every design needs a unique name");
            }
            designs.add(d);
        }
        return designs;
    }

    private static void checkOverrides(String scenario, List<String> overrides, String origin) {
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < overrides.size(); i++) {
            if (DesignOverrides.targetsDesign(overrides.get(i))) {
                continue;
            }
            applied.add(overrides.get(i));
            String where = origin + ": overrides[" + i + "]";
            prefixed(where, () -> Scenarios.load(scenario, applied));
        }
        if (overrides.isEmpty()) {
            prefixed(origin + ": scenario", () -> Scenarios.load(scenario, List.of()));
        }
    }

    /**
     * The scenario of each point's value on the scenario axis (grid only), resolved beside the sweep file: value
     * as written → library name or path. Without the axis, the sweep's scenario under the key "".
     */
    private static Map<String, String> scenarios(String base, List<ParameterPoint> points, Path baseDir, String origin) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ParameterPoint p : points) {
            JsonNode v = p.values().get(ParameterPoint.SCENARIO);
            if (v == null) {
                out.put("", base);
                continue;
            }
            if (out.containsKey(v.asText())) {
                continue;
            }
            String where = origin + ": parameters.grid." + ParameterPoint.SCENARIO;
            if (!v.isTextual()) {
                throw new ConfigException(where + ": must list scenario names or files, got " + v);
            }
            String resolved = beside(v.asText(), baseDir, Scenarios.NAMES);
            prefixed(where + " (" + v.asText() + ")", () -> Scenarios.load(resolved, List.of()));
            out.put(v.asText(), resolved);
        }
        return out;
    }

    private static String pointScenario(Map<String, String> scenarios, ParameterPoint p) {
        return scenarios.get(p.scenario(""));
    }

    private static void checkPoints(Map<String, String> scenarios, List<String> overrides, List<ParameterPoint> points,
                                    String origin, SweepSpec.Parameters parameters) {
        if (points.get(0).values().isEmpty()) {
            return;
        }
        String section = parameters.mode() == SweepSpec.Mode.GRID ? "parameters.grid." : "parameters.ranges.";
        for (ParameterPoint p : points) {
            String scenario = pointScenario(scenarios, p);
            List<String> all = new ArrayList<>(DesignOverrides.scenarioPart(overrides));
            for (String a : DesignOverrides.scenarioPart(p.assignments())) {
                all.add(a);
                String path = a.substring(0, a.indexOf('='));
                prefixed(origin + ": " + section + path + " (point " + p.index() + ", " + a + ")",
                        () -> Scenarios.load(scenario, all));
            }
        }
    }

    /** Every design must accept the {@code design.} assignments of the overrides and of every point. */
    private static void checkDesignAssignments(List<DesignSpec> designs, List<String> overrides,
                                               List<ParameterPoint> points, String origin,
                                               SweepSpec.Parameters parameters) {
        String section = parameters != null && parameters.mode() == SweepSpec.Mode.GRID ? "parameters.grid" : "parameters.ranges";
        for (DesignSpec d : designs) {
            prefixed(origin + ": overrides (design " + d.name() + ")", () -> DesignOverrides.apply(d, overrides));
            for (ParameterPoint p : points) {
                if (!DesignOverrides.designPart(p.assignments()).isEmpty()) {
                    List<String> all = new ArrayList<>(overrides);
                    all.addAll(p.assignments());
                    prefixed(origin + ": " + section + " (point " + p.index() + ", design " + d.name() + ")",
                            () -> DesignOverrides.apply(d, all));
                }
            }
        }
    }

    /** Every run, each design checked against the markets of its point's scenario (one list per market). */
    private static List<PlannedRun> runs(List<DesignSpec> designs, List<ParameterPoint> points, List<Long> seeds,
                                         List<String> overrides, Map<String, String> scenarios, String origin) {
        Map<List<String>, ScenarioSpec> loaded = new HashMap<>();
        List<PlannedRun> runs = new ArrayList<>();
        for (DesignSpec d : designs) {
            for (ParameterPoint p : points) {
                List<String> all = new ArrayList<>(overrides);
                all.addAll(p.assignments());
                DesignSpec design = DesignOverrides.apply(d, all);
                String ref = pointScenario(scenarios, p);
                List<String> key = new ArrayList<>(List.of(ref));
                key.addAll(DesignOverrides.scenarioPart(all));
                ScenarioSpec scenario = loaded.computeIfAbsent(key,
                        k -> Scenarios.load(ref, DesignOverrides.scenarioPart(all)));
                String where = origin + (p.values().isEmpty() ? "" : " (point " + p.index() + ")");
                prefixed(where, () -> {
                    design.checkMarkets(scenario.markets().size(), scenario.name());
                    return null;
                });
                for (long seed : seeds) {
                    String id = runId(d.name(), p.index(), points.size(), seed, seeds);
                    runs.add(new PlannedRun(id, pointScenario(scenarios, p), design, p, seed, all));
                }
            }
        }
        runs.sort(Comparator.comparing(PlannedRun::id));
        return List.copyOf(runs);
    }

    /**
     * A run's folder name, {@code <design>-p<point>-s<seed>}: the point's index among {@code points} and the seed
     * zero-padded to the widest of theirs, so that text order is numeric order.
     */
    public static String runId(String design, int point, int points, long seed, List<Long> seeds) {
        return design + "-p" + pad(point, String.valueOf(points - 1).length()) + "-s"
                + pad(seed, String.valueOf(seeds.get(seeds.size() - 1)).length());
    }

    private static String pad(long value, int width) {
        String s = String.valueOf(value);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    /** The seeds base_seed, base_seed + 1, … of {@code replications} runs, checked; errors name {@code origin}'s key. */
    public static List<Long> seeds(Integer replications, long baseSeed, String origin) {
        if (replications == null || replications < 1) {
            throw new ConfigException(origin + ": replications: must be ≥ 1, got " + replications);
        }
        if (baseSeed < 0 || baseSeed > Long.MAX_VALUE - replications) {
            throw new ConfigException(origin + ": base_seed: must be ≥ 0 (and leave room for the replications), got "
                    + baseSeed);
        }
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < replications; i++) {
            seeds.add(baseSeed + i);
        }
        return List.copyOf(seeds);
    }

    /** {@code value} if it can name a folder; otherwise an error naming {@code field} of {@code origin}. */
    public static String safeName(String value, String field, String origin) {
        if (value == null || !SAFE_NAME.matcher(value).matches()) {
            throw new ConfigException(origin + ": " + field + ": must be a name of letters, digits, '.', '_' or '-'"
                    + " (it names folders), got " + (value == null ? "nothing" : "'" + value + "'"));
        }
        return value;
    }

    /** A library name as it is; otherwise a file path, taken relative to the sweep file when it exists there. */
    public static String beside(String ref, Path baseDir, List<String> library) {
        if (library.contains(ref) || baseDir == null || Path.of(ref).isAbsolute()) {
            return ref;
        }
        Path local = baseDir.resolve(ref);
        return Files.isRegularFile(local) ? local.toString() : ref;
    }

    private static <T> T prefixed(String where, java.util.function.Supplier<T> load) {
        try {
            return load.get();
        } catch (ConfigException e) {
            throw new ConfigException(e.problems().stream().map(p -> where + ": " + p).toList());
        }
    }

    /** The scenario of one run, loaded afresh so that no run shares mutable config with another. */
    static ScenarioSpec scenarioOf(PlannedRun run) {
        return Scenarios.load(run.scenario(), DesignOverrides.scenarioPart(run.overrides()));
    }
}
