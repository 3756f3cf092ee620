package backstop.experiments.config;

import backstop.agents.params.Dist;
import backstop.model.spec.Doc;
import backstop.model.spec.Range;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every unknown key and every value of the wrong kind in a config tree at once, by walking it against
 * the record types it will be bound to (following {@code type} to the right variant), so a file with several
 * mistakes gets one message per mistake instead of one per attempt. A number outside the range its key's
 * {@link Doc} states is refused here, by the annotation {@code backstop reference} prints, so a range is written
 * once; the records' constructors check only what a range cannot say (relations between keys, required parts, and a
 * key whose absence — 0 — lies outside its range), and {@link #refusals} walks the same way to ask each record on
 * its own, deepest first. An unknown {@code type} or bare name is refused naming the known ones.
 */
public final class ConfigLint {
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private ConfigLint() {
    }

    /**
     * Whether one record's values, bound on their own as {@code type}, are refused: null when they are not, else
     * {@code {path inside the node, or "", message}}.
     */
    @FunctionalInterface
    public interface Refusal {
        String[] of(JsonNode node, Class<?> type);
    }

    /** The problems of {@code tree} as a {@code root} document, each "path: what is wrong". */
    public static List<String> problems(JsonNode tree, Class<?> root) {
        List<String> out = new ArrayList<>();
        check(tree, root, "", out, null, null);
        return out;
    }

    /**
     * For a tree free of {@link #problems} that still fails to bind: every record whose own constructor refuses
     * its values (a range check), each "path: message". Records are asked deepest first, and a record is not
     * asked when something inside it was refused, so one mistake gives one message.
     */
    public static List<String> refusals(JsonNode tree, Class<?> root, Refusal refusal) {
        List<String> out = new ArrayList<>();
        check(tree, root, "", out, refusal, null);
        return out;
    }

    private static void check(JsonNode node, Class<?> type, String path, List<String> out, Refusal refusal, Doc doc) {
        if (node == null || node.isNull()) {
            return;
        }
        if (type == Dist.class && doc != null && !doc.range().isEmpty() && node.isObject()) {
            // A distribution's draws must lie in the key's range: its constant value, and both ends of a range.
            for (String end : List.of("value", "min", "max")) {
                JsonNode v = node.get(end);
                if (v != null && v.isNumber()) {
                    range(v, false, doc, path + "." + end, out);
                }
            }
        }
        Variants variants = Variants.of(type);
        if (variants != null) {
            variant(node, variants, path, out, refusal);
            return;
        }
        if (type.isRecord()) {
            record(node, type, type, path, out, refusal);
        } else if (scalar(node, type, path, out) && doc != null && !doc.range().isEmpty() && node.isNumber()) {
            range(node, type != double.class && type != Double.class, doc, path, out);
        }
    }

    /** A polymorphic value: its {@code type} (or, for a bare-name type, the name) must be one of the variants. */
    private static void variant(JsonNode node, Variants variants, String path, List<String> out, Refusal refusal) {
        String known = " (known: " + String.join(", ", variants.names()) + ")";
        if (variants.named()) {
            if (!node.isTextual()) {
                out.add(label(path) + "expected a name, one of " + String.join(", ", variants.names()) + "; got " + kind(node));
            } else if (variants.find(node.asText()) == null) {
                out.add(label(path) + "unknown name '" + node.asText() + "'" + known);
            }
            return;
        }
        if (!node.isObject()) {
            out.add(label(path) + "expected a mapping with a type, got " + kind(node));
            return;
        }
        JsonNode t = node.get("type");
        String at = path.isEmpty() ? "type" : path + ".type";
        if (t == null || t.isNull()) {
            out.add(at + ": is required, one of " + String.join(", ", variants.names()));
        } else if (!t.isTextual()) {
            out.add(at + ": expected a name, got " + kind(t));
        } else if (variants.find(t.asText()) == null) {
            out.add(at + ": unknown type '" + t.asText() + "'" + known);
        } else {
            record(node, variants.find(t.asText()).type(), variants.type(), path, out, refusal);
        }
    }

    private static void range(JsonNode v, boolean integral, Doc doc, String path, List<String> out) {
        Range r = Range.parse(doc.range());
        if (!r.contains(v.asDouble())) {
            String value = integral ? v.asText() : Double.toString(v.asDouble());
            out.add(label(path) + "must be " + r.phrase() + ", got " + value);
        }
    }

    /** {@code declared}: the type the node is bound as (the polymorphic interface when {@code type} is a variant). */
    private static void record(JsonNode node, Class<?> type, Class<?> declared, String path, List<String> out,
                               Refusal refusal) {
        boolean typed = declared != type;
        int before = out.size();
        if (!node.isObject()) {
            out.add(label(path) + "expected a mapping, got " + kind(node));
            return;
        }
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            components.put(SNAKE.translate(c.getName()), c);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            RecordComponent c = components.get(key);
            String at = path.isEmpty() ? key : path + "." + key;
            if (c == null) {
                if (!(typed && key.equals("type"))) {
                    out.add(at + ": unknown key (known: " + String.join(", ", components.keySet()) + ")");
                }
                continue;
            }
            Class<?> raw = c.getType();
            if (List.class.isAssignableFrom(raw) && c.getGenericType() instanceof ParameterizedType pt) {
                if (!e.getValue().isArray() && !e.getValue().isNull()) {
                    out.add(at + ": expected a list, got " + kind(e.getValue()));
                    continue;
                }
                Class<?> element = erase(pt.getActualTypeArguments()[0]);
                for (int i = 0; i < e.getValue().size(); i++) {
                    check(e.getValue().get(i), element, at + "[" + i + "]", out, refusal, c.getAnnotation(Doc.class));
                }
            } else {
                check(e.getValue(), raw, at, out, refusal, c.getAnnotation(Doc.class));
            }
        }
        if (refusal != null && out.size() == before) {
            String[] problem = refusal.of(node, declared);
            if (problem != null) {
                String inner = problem[0];
                String at = path.isEmpty() || inner.isEmpty() || inner.startsWith("[") ? path + inner : path + "." + inner;
                out.add(label(at) + problem[1]);
            }
        }
    }

    /** Whether {@code node} is of {@code type}'s kind; if not, says so. */
    private static boolean scalar(JsonNode node, Class<?> type, String path, List<String> out) {
        boolean ok;
        if (type == double.class || type == Double.class) {
            ok = node.isNumber();
        } else if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            ok = node.isIntegralNumber();
        } else if (type == boolean.class || type == Boolean.class) {
            ok = node.isBoolean();
        } else if (type == String.class) {
            ok = node.isTextual();
        } else {
            ok = true;     // enums, matrices, free-form nodes: binding checks them
        }
        if (!ok) {
            out.add(label(path) + "expected " + expected(type) + ", got " + kind(node));
        }
        return ok;
    }

    private static String label(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    private static String expected(Class<?> type) {
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        return type == boolean.class || type == Boolean.class ? "true or false" : "a whole number";
    }

    private static String kind(JsonNode n) {
        return n.isTextual() ? "'" + n.asText() + "'" : n.isObject() ? "a mapping" : n.isArray() ? "a list" : n.toString();
    }

    private static Class<?> erase(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
    }
}
