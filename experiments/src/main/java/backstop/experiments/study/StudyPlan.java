package backstop.experiments.study;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigException;
import backstop.experiments.config.ConfigTree;
import backstop.experiments.sweep.ParameterPoint;
import backstop.experiments.sweep.SweepPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A study file checked and expanded: every sweep validated as `backstop sweep` validates it, or, when its scenario
 * names a {@link Replay}, as that replay's sweep ({@link StudySweep}; with the CI version's replications and overrides
 * when asked), every figure's operands checked against its sweep (design, parameter
 * point, measure and its params, the events the measure needs) and every band against its figure. Building one runs
 * nothing and writes nothing, so a bad study file is refused, naming the key and the value, before any output exists.
 */
public record StudyPlan(String name, String title, String description, boolean ci, Map<String, StudySweep> sweeps,
                        List<FigurePlan> figures, StudySpec spec) {
    /** Where `backstop study NAME` and `backstop studies` find study files, relative to the working folder. */
    public static final Path FOLDER = Path.of("experiments", "studies");

    /** One figure, resolved: its quantity and band, and whether this version of the study asserts its band. */
    public record FigurePlan(String id, String quantity, StudySpec.Published published, Quantity simulated, Band band,
                             boolean asserted) {
    }

    /** The study file {@code ref} names: a file if one is there, else {@code FOLDER/ref.yaml}. */
    public static Path find(String ref) {
        Path file = Path.of(ref);
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path named = FOLDER.resolve(ref + ".yaml");
        if (Files.isRegularFile(named)) {
            return named;
        }
        throw new ConfigException("study: no such study file '" + ref + "', nor " + named + " (studies: "
                + String.join(", ", library().stream().map(p -> name(p)).toList()) + ")");
    }

    /** The study files of {@link #FOLDER}, by name; empty when the folder is not there. */
    public static List<Path> library() {
        if (!Files.isDirectory(FOLDER)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(FOLDER + ": cannot list: " + e.getMessage());
        }
    }

    private static String name(Path file) {
        String f = file.getFileName().toString();
        return f.substring(0, f.length() - ".yaml".length());
    }

    /** Reads and checks a study file; {@code ci} gives its shortened version. */
    public static StudyPlan load(Path file, boolean ci) {
        try {
            return of(ConfigTree.parse(Files.readString(file), file.toString()), file.toString(),
                    file.toAbsolutePath().getParent(), ci);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Checks a parsed study document; {@code baseDir} resolves the sweeps' scenario and design files. */
    public static StudyPlan of(ObjectNode doc, String origin, Path baseDir, boolean ci) {
        StudySpec spec = ConfigBinder.bind(doc, StudySpec.class, origin);
        SweepPlan.safeName(spec.name(), "name", origin);
        if (spec.sweeps().isEmpty()) {
            throw new ConfigException(origin + ": sweeps: must list at least one sweep");
        }
        if (spec.figures().isEmpty()) {
            throw new ConfigException(origin + ": figures: must list at least one figure");
        }
        Map<String, StudySweep> sweeps = new LinkedHashMap<>();
        for (int i = 0; i < spec.sweeps().size(); i++) {
            ObjectNode sweep = spec.sweeps().get(i).deepCopy();
            String where = origin + ": sweeps[" + i + "]";
            String id = SweepPlan.safeName(sweep.path("id").isTextual() ? sweep.path("id").asText() : null,
                    "sweeps[" + i + "].id", origin);
            if (sweeps.containsKey(id)) {
                throw new ConfigException(where + ".id: '" + id + "' is already the id of another sweep");
            }
            sweep.remove("id");
            if (!sweep.has("name")) {
                sweep.put("name", id);
            }
            if (ci && spec.ci() != null) {
                shorten(sweep, spec.ci());
            }
            sweeps.put(id, StudySweep.of(sweep, where, baseDir));
        }
        List<FigurePlan> figures = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < spec.figures().size(); i++) {
            StudySpec.Figure f = spec.figures().get(i);
            String where = origin + ": figures[" + i + "]";
            if (f.id() == null || !ids.add(f.id())) {
                throw new ConfigException(where + ".id: " + (f.id() == null ? "is required" : "'" + f.id()
                        + "' is already the id of another figure"));
            }
            require(f.quantity(), where + ".quantity");
            require(f.published(), where + ".published");
            require(f.published().value(), where + ".published.value");
            require(f.published().unit(), where + ".published.unit");
            require(f.published().source(), where + ".published.source");
            require(f.simulated(), where + ".simulated");
            require(f.band(), where + ".band");
            Band band = Band.of(f.band(), f.published().value(), where + ".band");
            Quantity q = quantity(f.simulated(), sweeps, where + ".simulated");
            if ((band instanceof Band.Ranking) != (q instanceof Quantity.Ranking)) {
                throw new ConfigException(where + ": a ranking band needs simulated.designs or simulated.sweeps, and they"
                        + " need a ranking band (band.type is " + f.band().type() + ")");
            }
            if (band instanceof Band.Ranking r && !new LinkedHashSet<>(r.order()).equals(
                    new LinkedHashSet<>(((Quantity.Ranking) q).names()))) {
                throw new ConfigException(where + ".band.order: must rank exactly simulated."
                        + (f.simulated().sweeps() != null ? "sweeps " : "designs ") + ((Quantity.Ranking) q).names()
                        + ", got " + r.order());
            }
            figures.add(new FigurePlan(f.id(), f.quantity(), f.published(), q, band, !ci || f.ci()));
        }
        String title = spec.title() != null ? spec.title() : spec.name();
        return new StudyPlan(spec.name(), title, spec.description(), ci, sweeps, List.copyOf(figures), spec);
    }

    /** The CI version of one sweep: its replications replaced, the CI overrides appended to its own. */
    private static void shorten(ObjectNode sweep, StudySpec.Ci ci) {
        if (ci.replications() != null) {
            sweep.put("replications", ci.replications());
        }
        ArrayNode overrides = sweep.has("overrides") && sweep.get("overrides").isArray()
                ? (ArrayNode) sweep.get("overrides") : sweep.putArray("overrides");
        ci.overrides().forEach(overrides::add);
    }

    private static void require(Object value, String where) {
        if (value == null) {
            throw new ConfigException(where + ": is required");
        }
    }

    private static Quantity quantity(StudySpec.Simulated s, Map<String, StudySweep> sweeps, String where) {
        int forms = (s.ratio() != null ? 1 : 0) + (s.slope() != null ? 1 : 0) + (s.designs() != null ? 1 : 0)
                + (s.sweeps() != null ? 1 : 0);
        if (forms > 1) {
            throw new ConfigException(where + ": ratio, slope, designs and sweeps are exclusive; give one of them");
        }
        if (s.sweeps() != null) {
            return acrossSweeps(s, sweeps, where);
        }
        if (s.ratio() != null) {
            if (s.ratio().size() != 2) {
                throw new ConfigException(where + ".ratio: must list two operands (numerator, denominator), got "
                        + s.ratio().size());
            }
            if (s.metric() != null || s.measure() != null) {
                throw new ConfigException(where + ": a ratio's metric or measure goes in each of its operands");
            }
            Quantity.Operand[] ops = new Quantity.Operand[2];
            for (int i = 0; i < 2; i++) {
                StudySpec.Simulated o = s.ratio().get(i);
                String w = where + ".ratio[" + i + "]";
                if (o.ratio() != null || o.slope() != null || o.designs() != null || o.sweeps() != null) {
                    throw new ConfigException(w + ": an operand is a design's metric or measure (no ratio, slope or designs)");
                }
                String sweep = o.sweep() != null ? o.sweep() : s.sweep();
                ops[i] = operand(sweep, o.design() != null ? o.design() : s.design(), o, merged(s.point(), o.point()),
                        sweeps, w);
                single(ops[i], sweeps, w);
            }
            if (!sweeps.get(ops[0].sweep()).seeds().equals(sweeps.get(ops[1].sweep()).seeds())) {
                throw new ConfigException(where + ".ratio: both operands' sweeps must run the same seeds, to pair them");
            }
            return new Quantity.Ratio(ops[0], ops[1]);
        }
        if (s.designs() != null) {
            if (s.designs().size() < 2) {
                throw new ConfigException(where + ".designs: a ranking needs at least two designs, got " + s.designs());
            }
            if (s.design() != null) {
                throw new ConfigException(where + ": give designs (a ranking) or design, not both");
            }
            Quantity.Operand base = operand(s.sweep(), s.designs().get(0), s, s.point(), sweeps, where);
            List<Quantity.Operand> ops = new ArrayList<>();
            for (int i = 0; i < s.designs().size(); i++) {
                Quantity.Operand o = base.under(s.designs().get(i));
                designOf(sweeps.get(o.sweep()), o.design(), where + ".designs[" + i + "]");
                single(o, sweeps, where);
                ops.add(o);
            }
            return new Quantity.Ranking(s.designs(), ops);
        }
        Quantity.Operand o = operand(s.sweep(), s.design(), s, s.point(), sweeps, where);
        if (s.slope() != null) {
            slope(o, s.slope(), sweeps.get(o.sweep()), where);
            return new Quantity.Slope(o, s.slope());
        }
        single(o, sweeps, where);
        return new Quantity.Value(o);
    }

    /** A ranking of one design's value across {@code s.sweeps()}: each sweep's operand, named by the sweep's id. */
    private static Quantity acrossSweeps(StudySpec.Simulated s, Map<String, StudySweep> sweeps, String where) {
        if (s.sweep() != null) {
            throw new ConfigException(where + ": give sweeps (a ranking across sweeps) or sweep, not both");
        }
        if (s.sweeps().size() < 2 || new LinkedHashSet<>(s.sweeps()).size() != s.sweeps().size()) {
            throw new ConfigException(where + ".sweeps: a ranking needs at least two distinct sweeps, got " + s.sweeps());
        }
        List<Quantity.Operand> ops = new ArrayList<>();
        for (int i = 0; i < s.sweeps().size(); i++) {
            String w = where + ".sweeps[" + i + "]";
            if (!sweeps.containsKey(s.sweeps().get(i))) {
                throw new ConfigException(w + ": no sweep with id '" + s.sweeps().get(i) + "' (sweeps: "
                        + String.join(", ", sweeps.keySet()) + ")");
            }
            Quantity.Operand o = operand(s.sweeps().get(i), s.design(), s, s.point(), sweeps, w);
            single(o, sweeps, w);
            ops.add(o);
        }
        return new Quantity.Ranking(s.sweeps(), ops);
    }

    private static Map<String, JsonNode> merged(Map<String, JsonNode> outer, Map<String, JsonNode> inner) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        if (outer != null) {
            m.putAll(outer);
        }
        if (inner != null) {
            m.putAll(inner);
        }
        return m;
    }

    private static Quantity.Operand operand(String sweepId, String design, StudySpec.Simulated s,
                                            Map<String, JsonNode> point, Map<String, StudySweep> sweeps, String where) {
        if (sweepId == null) {
            throw new ConfigException(where + ".sweep: is required (one of " + String.join(", ", sweeps.keySet()) + ")");
        }
        StudySweep sweep = sweeps.get(sweepId);
        if (sweep == null) {
            throw new ConfigException(where + ".sweep: no sweep with id '" + sweepId + "' (sweeps: "
                    + String.join(", ", sweeps.keySet()) + ")");
        }
        String d = designOf(sweep, design, where);
        if ((s.metric() == null) == (s.measure() == null)) {
            throw new ConfigException(where + ": give exactly one of metric (a summary metric) and measure (a registered"
                    + " measure), got " + (s.metric() == null ? "neither" : "both"));
        }
        if (s.params() != null && s.measure() == null) {
            throw new ConfigException(where + ".params: only a measure takes params");
        }
        Map<String, JsonNode> pt = point == null ? Map.of() : Map.copyOf(point);
        Measure measure = sweep.operand(s, pt, where);
        Set<String> axes = sweep.points().get(0).values().keySet();
        for (String path : pt.keySet()) {
            if (!axes.contains(path)) {
                throw new ConfigException(where + ".point." + path + ": not a varied path of sweep '" + sweepId + "' (its"
                        + " paths: " + (axes.isEmpty() ? "none" : String.join(", ", axes)) + ")");
            }
        }
        return new Quantity.Operand(sweepId, d, s.metric() != null ? s.metric() : s.measure(), measure, pt);
    }

    private static String designOf(StudySweep sweep, String design, String where) {
        List<String> names = sweep.designNames();
        if (design == null) {
            if (names.size() == 1) {
                return names.get(0);
            }
            throw new ConfigException(where + ".design: is required, sweep '" + sweep.name() + "' has designs "
                    + String.join(", ", names));
        }
        if (!names.contains(design)) {
            throw new ConfigException(where + ".design: '" + design + "' is not a design of sweep '" + sweep.name()
                    + "' (" + String.join(", ", names) + ")");
        }
        return design;
    }

    /** The points of the operand's sweep that its {@code point} selects. */
    static List<ParameterPoint> points(StudySweep sweep, Quantity.Operand o) {
        List<ParameterPoint> out = new ArrayList<>();
        for (ParameterPoint p : sweep.points()) {
            boolean match = true;
            for (var e : o.point().entrySet()) {
                match &= same(p.values().get(e.getKey()), e.getValue());
            }
            if (match) {
                out.add(p);
            }
        }
        return out;
    }

    /** Whether two parameter values are the same (numbers by value, so 6 and 6.0 are). */
    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.isNumber() && b.isNumber() ? a.doubleValue() == b.doubleValue() : a.equals(b);
    }

    private static void single(Quantity.Operand o, Map<String, StudySweep> sweeps, String where) {
        List<ParameterPoint> pts = points(sweeps.get(o.sweep()), o);
        if (pts.size() != 1) {
            throw new ConfigException(where + ".point: " + (pts.isEmpty() ? "no point of sweep '" + o.sweep()
                    + "' has the values " + o.point() : "selects " + pts.size() + " points of sweep '" + o.sweep()
                    + "'; fix every varied path (" + String.join(", ", sweeps.get(o.sweep()).points().get(0).values().keySet())
                    + ") but a slope's axis"));
        }
    }

    private static void slope(Quantity.Operand o, String axis, StudySweep sweep, String where) {
        if (!sweep.points().get(0).values().containsKey(axis)) {
            throw new ConfigException(where + ".slope: '" + axis + "' is not a varied path of sweep '" + o.sweep() + "'");
        }
        if (o.point().containsKey(axis)) {
            throw new ConfigException(where + ".point." + axis + ": the slope's axis cannot also be fixed");
        }
        Map<Double, Integer> byValue = new TreeMap<>();
        for (ParameterPoint p : points(sweep, o)) {
            JsonNode v = p.values().get(axis);
            if (!v.isNumber()) {
                throw new ConfigException(where + ".slope: axis '" + axis + "' must have numeric values, got " + v);
            }
            byValue.merge(v.doubleValue(), 1, Integer::sum);
        }
        if (byValue.size() < 2 || byValue.values().stream().anyMatch(n -> n != 1)) {
            throw new ConfigException(where + ".point: a slope needs one point per value of '" + axis + "' (at least two);"
                    + " fix the other varied paths of sweep '" + o.sweep() + "', got " + byValue.size() + " value(s) over "
                    + byValue.values().stream().mapToInt(Integer::intValue).sum() + " point(s)");
        }
    }

    /** The resolved study as study.json records it: the spec with defaults, its version and each sweep's resolved plan. */
    public Map<String, Object> resolved() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("title", title);
        m.put("description", description);
        m.put("ci", ci);
        Map<String, Object> sw = new LinkedHashMap<>();
        sweeps.forEach((id, p) -> sw.put(id, p.resolved()));
        m.put("sweeps", sw);
        m.put("figures", ConfigBinder.mapper().valueToTree(spec.figures()));
        return m;
    }
}
