package backstop.experiments.config;

import backstop.model.spec.Doc;
import backstop.model.spec.Range;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reference of every configuration key, generated from the record types the files are bound to — so it
 * cannot drift from what the code accepts. Each key is printed with its type, the unit and range of its
 * {@link Doc} (the range validation enforces, see {@link ConfigLint}), its default and its meaning; a polymorphic
 * value lists each {@code type} name with the keys it takes.
 */
public final class ConfigReference {
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private ConfigReference() {
    }

    /**
     * One step from the document's root to a key: the key, whether its value is a list (the step goes into an
     * element), and the {@code type} name chosen for the value when it is polymorphic (else null).
     */
    public record Step(String key, boolean list, String variant) {
    }

    /**
     * One key: its path as printed ({@code markets[].venue.depth}), the steps to it, its type as printed, the
     * Java type it binds to (for a list: the element type) and its {@link Doc} (null when it has none).
     */
    public record Key(String path, List<Step> steps, String type, Class<?> valueType, Doc doc) {
        /** The stated range, or null. */
        public Range range() {
            return doc == null || doc.range().isEmpty() ? null : Range.parse(doc.range());
        }

        /** Whether the key lies inside a list element (a base's value there is an example, not a default). */
        public boolean inList() {
            return steps.stream().limit(steps.size() - 1).anyMatch(Step::list);
        }
    }

    /** Every key of the document bound to {@code root}, in reference order (a repeated polymorphic type once). */
    public static List<Key> keys(Class<?> root) {
        List<Object> lines = new ArrayList<>();
        describe(root, "", List.of(), lines, new HashSet<>(), new HashMap<>());
        return lines.stream().filter(l -> l instanceof Key).map(l -> (Key) l).toList();
    }

    /** The reference of the document bound to {@code root}, one line per key, without defaults. */
    public static List<String> of(Class<?> root) {
        return of(root, null);
    }

    /**
     * The reference of the document bound to {@code root}, one line per key; {@code defaults} (may be null) is the
     * document every file of this kind extends, whose values are printed as defaults.
     */
    public static List<String> of(Class<?> root, JsonNode defaults) {
        List<Object> lines = new ArrayList<>();
        describe(root, "", List.of(), lines, new HashSet<>(), new HashMap<>());
        int width = lines.stream().filter(l -> l instanceof Key).mapToInt(l -> ((Key) l).path().length()).max().orElse(0);
        List<String> out = new ArrayList<>();
        for (Object l : lines) {
            out.add(l instanceof Key k ? line(k, defaults, width) : (String) l);
        }
        return out;
    }

    private static String line(Key k, JsonNode defaults, int width) {
        StringBuilder b = new StringBuilder(String.format("%-" + width + "s  %s", k.path(), k.type()));
        Doc d = k.doc();
        if (d != null && !d.unit().isEmpty()) {
            b.append(", ").append(d.unit());
        }
        if (k.range() != null) {
            b.append(", in ").append(k.range());
        }
        String dflt = d != null && !d.absent().isEmpty() ? d.absent() : null;
        String base = defaults == null ? null : flow(at(defaults, k.steps()));
        if ("required".equals(dflt)) {
            b.append(", required");
        } else if (dflt != null) {
            b.append(", default ").append(dflt);
        } else if (base != null) {
            b.append(k.inList() ? ", in base: " : ", default ").append(base);
        }
        if (d != null) {
            b.append(" — ").append(d.value());
        }
        return b.toString();
    }

    private static void describe(Class<?> type, String prefix, List<Step> steps, List<Object> out, Set<Class<?>> seen,
                                 Map<Class<?>, String> expanded) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String name = SNAKE.translate(c.getName());
            String key = prefix + name;
            Type generic = c.getGenericType();
            Class<?> raw = c.getType();
            Doc doc = c.getAnnotation(Doc.class);
            if (List.class.isAssignableFrom(raw) && generic instanceof ParameterizedType pt) {
                Class<?> element = erase(pt.getActualTypeArguments()[0]);
                out.add(new Key(key, with(steps, new Step(name, true, null)), "list of " + name(element), element, doc));
                value(element, key + "[]", name, true, steps, out, seen, expanded);
            } else {
                out.add(new Key(key, with(steps, new Step(name, false, null)), name(raw), raw, doc));
                value(raw, key, name, false, steps, out, seen, expanded);
            }
        }
        seen.remove(type);
    }

    /** Expands a value's keys; a polymorphic type is expanded once, later uses point back to it. */
    private static void value(Class<?> type, String key, String name, boolean list, List<Step> steps, List<Object> out,
                              Set<Class<?>> seen, Map<Class<?>, String> expanded) {
        Variants variants = Variants.of(type);
        if (variants != null) {
            String first = expanded.putIfAbsent(type, key);
            if (first != null) {
                out.add(key + " … the same " + (variants.named() ? "names" : "types") + " as " + first);
                return;
            }
            for (Variants.Variant v : variants.all()) {
                String summary = v.summary().isEmpty() ? "" : " — " + v.summary();
                if (variants.named()) {
                    out.add(key + " (name: " + v.name() + ")" + summary);
                } else {
                    out.add(key + " (type: " + v.name() + ")" + summary);
                    describe(v.type(), key + ".", with(steps, new Step(name, list, v.name())), out, seen, expanded);
                }
            }
        } else if (type.isRecord()) {
            describe(type, key + ".", with(steps, new Step(name, list, null)), out, seen, expanded);
        }
    }

    private static List<Step> with(List<Step> steps, Step s) {
        List<Step> l = new ArrayList<>(steps);
        l.add(s);
        return List.copyOf(l);
    }

    /** The value at {@code steps} in {@code doc}: in a list, the first element (of the step's type), or null. */
    private static JsonNode at(JsonNode doc, List<Step> steps) {
        JsonNode n = doc;
        for (int i = 0; i < steps.size() && n != null; i++) {
            Step s = steps.get(i);
            n = n.get(s.key());
            boolean last = i == steps.size() - 1;
            if (n != null && s.list() && !last) {
                JsonNode pick = null;
                for (JsonNode e : n) {
                    if (s.variant() == null || s.variant().equals(e.path("type").asText())) {
                        pick = e;
                        break;
                    }
                }
                n = pick;
            } else if (n != null && s.variant() != null && !s.variant().equals(n.path("type").asText())) {
                n = null;
            }
        }
        return n;
    }

    /** A short flow-style rendering of a scalar, a list of scalars or a flat mapping; null for anything bigger. */
    private static String flow(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return null;
        }
        if (n.isValueNode()) {
            return text(n);
        }
        List<String> parts = new ArrayList<>();
        if (n.isArray()) {
            for (JsonNode e : n) {
                if (!e.isValueNode()) {
                    return null;
                }
                parts.add(text(e));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode()) {
                return null;
            }
            parts.add(e.getKey() + ": " + text(e.getValue()));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** A number as written (0.0001, not 1.0E-4); anything else as its text. */
    private static String text(JsonNode n) {
        return n.isNumber() ? n.decimalValue().stripTrailingZeros().toPlainString() : n.asText();
    }

    private static String name(Class<?> type) {
        if (type.isEnum()) {
            // As the files spell them: an enum constant's @JsonProperty name where it has one.
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ConfigBinder.mapper().valueToTree(c).asText()).collect(Collectors.joining(", "));
        }
        if (type == double.class || type == Double.class) {
            return "number";
        }
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return "integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true/false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == double[][].class) {
            return "matrix of numbers";
        }
        if (type == JsonNode.class) {
            return "text, number or mapping";
        }
        Variants variants = Variants.of(type);
        if (variants == null) {
            return "mapping";
        }
        return variants.named() ? "one of " + String.join(", ", variants.names()) + " (any case, _ for -)"
                : "one of the types below";
    }

    private static Class<?> erase(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }
}
