package backstop.experiments.game;

import backstop.analysis.game.Dpr;
import backstop.analysis.game.Role;
import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigException;
import backstop.experiments.config.ConfigTree;
import backstop.experiments.design.DesignSpec;
import backstop.experiments.design.Presets;
import backstop.experiments.scenario.Scenarios;
import backstop.experiments.sweep.SweepPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A game file checked and resolved: the scenario's document with its overrides, the designs, each role's population
 * entry, player counts and strategies, and the seeds. Everything wrong is reported naming the file and key before
 * anything runs.
 */
public final class GamePlan {
    /** One role, resolved. */
    public record RolePlan(String name, String population, ObjectNode entry, int players, int reduced,
                           List<Strategy> strategies) {
        /** The strategies' names, in order. */
        public List<String> strategyNames() {
            return strategies.stream().map(Strategy::name).toList();
        }
    }

    private final GameSpec spec;
    private final String scenario;
    private final ObjectNode scenarioDoc;
    private final List<DesignSpec> designs;
    private final List<RolePlan> roles;
    private final List<Long> seeds;
    private final Dpr dpr;
    private final ObjectNode source;

    private GamePlan(GameSpec spec, String scenario, ObjectNode scenarioDoc, List<DesignSpec> designs,
                     List<RolePlan> roles, List<Long> seeds, Dpr dpr, ObjectNode source) {
        this.dpr = dpr;
        this.source = source;
        this.spec = spec;
        this.scenario = scenario;
        this.scenarioDoc = scenarioDoc;
        this.designs = designs;
        this.roles = roles;
        this.seeds = seeds;
    }

    /** Reads and checks a game file. */
    public static GamePlan load(Path file) {
        try {
            return of(ConfigTree.parse(Files.readString(file), file.toString()), file.toString(), file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * The plan a game folder's game.json was made from (its {@code source}: the game file as read, its scenario and
     * design files as absolute paths), so {@code backstop merge} needs only the folder.
     */
    public static GamePlan ofFolder(Path dir) {
        Path file = dir.resolve("game.json");
        try {
            JsonNode json = ConfigTree.parse(Files.readString(file), file.toString());
            if (!json.path("source").isObject()) {
                throw new ConfigException(file + ": no 'source' (the game file as read); was it written by backstop game?");
            }
            return of((ObjectNode) json.get("source"), file.toString(), null);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Checks a parsed game document; {@code baseDir} resolves relative scenario and design files. */
    public static GamePlan of(ObjectNode doc, String origin, Path baseDir) {
        GameSpec spec = ConfigBinder.bind(doc, GameSpec.class, origin);
        ObjectNode source = doc.deepCopy();
        SweepPlan.safeName(spec.name(), "name", origin);
        if (spec.scenario() == null) {
            throw new ConfigException(origin + ": scenario: is required (a library name or a file)");
        }
        String scenario = SweepPlan.beside(spec.scenario(), baseDir, Scenarios.NAMES);
        source.put("scenario", scenario);
        ObjectNode scenarioDoc = Scenarios.resolved(scenario);
        for (String o : spec.overrides()) {
            ConfigTree.set(scenarioDoc, o);
        }
        if (spec.designs().isEmpty()) {
            throw new ConfigException(origin + ": designs: must list at least one design (a preset name or file)");
        }
        List<DesignSpec> designs = new ArrayList<>();
        Set<String> designNames = new HashSet<>();
        for (int i = 0; i < spec.designs().size(); i++) {
            String ref = SweepPlan.beside(spec.designs().get(i), baseDir, Presets.NAMES);
            if (source.get("designs") instanceof com.fasterxml.jackson.databind.node.ArrayNode list) {
                list.set(i, source.textNode(ref));
            }
            DesignSpec d = Presets.loadOrFile(ref);
            SweepPlan.safeName(d.name(), "designs[" + i + "]", origin);
            if (!designNames.add(d.name())) {
                throw new ConfigException(origin + ": designs[" + i + "]: '" + d.name() + "' is listed twice");
            }
            designs.add(d);
        }
        if (spec.roles().isEmpty()) {
            throw new ConfigException(origin + ": roles: must list at least one role");
        }
        List<RolePlan> roles = new ArrayList<>();
        Set<String> populations = new HashSet<>();
        Set<String> roleNames = new HashSet<>();
        for (int i = 0; i < spec.roles().size(); i++) {
            RolePlan r = role(spec.roles().get(i), origin + ": roles[" + i + "]", scenarioDoc);
            if (!roleNames.add(r.name())) {
                throw new ConfigException(origin + ": roles[" + i + "].name: '" + r.name() + "' is used twice");
            }
            if (!populations.add(r.population())) {
                throw new ConfigException(origin + ": roles[" + i + "].population: '" + r.population()
                        + "' is already another role's");
            }
            roles.add(r);
        }
        List<Long> seeds = SweepPlan.seeds(spec.replications(), spec.baseSeed(), origin);
        Dpr dpr;
        try {
            dpr = new Dpr(roles.stream().map(r -> new Role(r.name(), r.players(), r.strategyNames())).toList(),
                    roles.stream().mapToInt(RolePlan::reduced).toArray());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(origin + ": roles: " + e.getMessage());
        }
        GamePlan plan = new GamePlan(spec, scenario, scenarioDoc, List.copyOf(designs), List.copyOf(roles), List.copyOf(seeds),
                dpr, source);
        // Every strategy must bind on its population: one profile with every strategy present checks them all.
        for (RolePlan r : roles) {
            for (Strategy s : r.strategies()) {
                ProfileScenario.check(plan, r, s, origin);
            }
        }
        return plan;
    }

    private static RolePlan role(GameSpec.Role role, String where, ObjectNode scenarioDoc) {
        SweepPlan.safeName(role.name(), "name", where);
        if (role.population() == null) {
            throw new ConfigException(where + ".population: is required (the name of one of the scenario's populations)");
        }
        ObjectNode entry = null;
        List<String> names = new ArrayList<>();
        for (JsonNode a : scenarioDoc.path("agents")) {
            names.add(a.path("name").asText());
            if (a.path("name").asText().equals(role.population())) {
                entry = (ObjectNode) a;
            }
        }
        if (entry == null) {
            throw new ConfigException(where + ".population: the scenario has no population '" + role.population()
                    + "'; it has " + String.join(", ", names));
        }
        String type = entry.path("type").asText();
        int players = role.players() != null ? role.players() : entry.path("count").asInt();
        if (players < 1) {
            throw new ConfigException(where + ".players: must be ≥ 1, got " + players);
        }
        int reduced = role.reduced() != null ? role.reduced() : players;
        if (reduced < 1 || reduced > players) {
            throw new ConfigException(where + ".reduced: must be in [1, players = " + players + "], got " + reduced);
        }
        Map<String, Strategy> strategies = new LinkedHashMap<>();
        for (int j = 0; j < role.strategies().size(); j++) {
            Strategy s = StrategyLibrary.resolve(role.strategies().get(j), type, where + ".strategies[" + j + "]");
            if (strategies.put(s.name(), s) != null) {
                throw new ConfigException(where + ".strategies[" + j + "]: '" + s.name() + "' is listed twice");
            }
        }
        for (int j = 0; j < role.define().size(); j++) {
            GameSpec.Definition d = role.define().get(j);
            String w = where + ".define[" + j + "]";
            if (d.set() != null && !d.set().isObject()) {
                throw new ConfigException(w + ".set: must be a mapping of population keys, got " + d.set());
            }
            Strategy s;
            try {
                s = new Strategy(type, d.name(), d.summary() == null ? "" : d.summary(), (ObjectNode) d.set());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(w + ".name: " + e.getMessage());
            }
            if (strategies.put(s.name(), s) != null) {
                throw new ConfigException(w + ".name: '" + s.name() + "' is already a strategy of this role");
            }
        }
        if (strategies.isEmpty()) {
            throw new ConfigException(where + ": lists no strategies (strategies: library names, or define:)");
        }
        return new RolePlan(role.name(), role.population(), entry, players, reduced, List.copyOf(strategies.values()));
    }

    public String name() {
        return spec.name();
    }

    public GameSpec spec() {
        return spec;
    }

    /** The scenario's name or file. */
    public String scenario() {
        return scenario;
    }

    /** The scenario's resolved document with the game's overrides (a copy). */
    public ObjectNode scenarioDoc() {
        return scenarioDoc.deepCopy();
    }

    public List<DesignSpec> designs() {
        return designs;
    }

    public List<RolePlan> roles() {
        return roles;
    }

    public List<Long> seeds() {
        return seeds;
    }

    /** The game's reduction: its full roles (the roles' players), reduced roles and the full profiles to simulate. */
    public Dpr dpr() {
        return dpr;
    }

    /**
     * What {@code game.json} records: the spec with defaults, each role resolved, every strategy's keys, the seeds, and
     * the game file as read ({@code source}, from which {@link #ofFolder} plans it again).
     */
    public Map<String, Object> resolved() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("description", spec.description());
        m.put("scenario", scenario);
        m.put("overrides", spec.overrides());
        m.put("designs", designs.stream().map(d -> ConfigBinder.mapper().valueToTree(d)).toList());
        List<Map<String, Object>> rs = new ArrayList<>();
        for (RolePlan r : roles) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("name", r.name());
            rm.put("population", r.population());
            rm.put("players", r.players());
            rm.put("reduced", r.reduced());
            List<Map<String, Object>> ss = new ArrayList<>();
            for (Strategy s : r.strategies()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("id", s.id());
                sm.put("summary", s.summary());
                sm.put("set", s.set());
                ss.add(sm);
            }
            rm.put("strategies", ss);
            rs.add(rm);
        }
        m.put("roles", rs);
        m.put("seeds", seeds);
        m.put("capital_cost", spec.capitalCost());
        m.put("regret_threshold", spec.regretThreshold());
        m.put("full_profiles", dpr.allFullProfiles().stream().map(backstop.analysis.game.Profile::text).toList());
        m.put("source", source);
        return m;
    }
}
