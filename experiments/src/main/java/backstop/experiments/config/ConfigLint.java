package backstop.experiments.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
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
 * mistakes gets one message per mistake instead of one per attempt. Range checks happen after, in binding.
 */
public final class ConfigLint {
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private ConfigLint() {
    }

    /** The problems of {@code tree} as a {@code root} document, each "path: what is wrong". */
    public static List<String> problems(JsonNode tree, Class<?> root) {
        List<String> out = new ArrayList<>();
        check(tree, root, "", out);
        return out;
    }

    private static void check(JsonNode node, Class<?> type, String path, List<String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        JsonSubTypes subs = ConfigBinder.subtypes(type);
        if (subs != null) {
            JsonNode t = node.get("type");
            if (!node.isObject() || t == null || !t.isTextual()) {
                return;        // binding reports the missing or malformed type
            }
            for (JsonSubTypes.Type s : subs.value()) {
                if (s.name().equals(t.asText())) {
                    record(node, s.value(), path, out, true);
                    return;
                }
            }
            return;            // binding reports an unknown type name, listing the known ones
        }
        if (type.isRecord()) {
            record(node, type, path, out, false);
        } else {
            scalar(node, type, path, out);
        }
    }

    private static void record(JsonNode node, Class<?> type, String path, List<String> out, boolean typed) {
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
                    check(e.getValue().get(i), element, at + "[" + i + "]", out);
                }
            } else {
                check(e.getValue(), raw, at, out);
            }
        }
    }

    private static void scalar(JsonNode node, Class<?> type, String path, List<String> out) {
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
