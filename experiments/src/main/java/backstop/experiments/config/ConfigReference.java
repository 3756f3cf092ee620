package backstop.experiments.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reference of every configuration key, generated from the record types the files are bound to — so it
 * cannot drift from what the code accepts. Each line is a key path (snake_case, as in the files), its type,
 * and for a polymorphic value each {@code type} name with the keys it takes.
 */
public final class ConfigReference {
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private ConfigReference() {
    }

    /** The reference of the document bound to {@code root}, one line per key. */
    public static List<String> of(Class<?> root) {
        List<String> out = new ArrayList<>();
        describe(root, "", out, new HashSet<>(), new java.util.HashMap<>());
        return out;
    }

    private static void describe(Class<?> type, String prefix, List<String> out, Set<Class<?>> seen,
                                 java.util.Map<Class<?>, String> expanded) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String key = prefix + SNAKE.translate(c.getName());
            Type generic = c.getGenericType();
            Class<?> raw = c.getType();
            if (List.class.isAssignableFrom(raw) && generic instanceof ParameterizedType pt) {
                Class<?> element = erase(pt.getActualTypeArguments()[0]);
                out.add(key + ": list of " + name(element));
                value(element, key + "[]", out, seen, expanded);
            } else {
                out.add(key + ": " + name(raw));
                value(raw, key, out, seen, expanded);
            }
        }
        seen.remove(type);
    }

    /** Expands a value's keys; a polymorphic type is expanded once, later uses point back to it. */
    private static void value(Class<?> type, String key, List<String> out, Set<Class<?>> seen,
                              java.util.Map<Class<?>, String> expanded) {
        JsonSubTypes subs = ConfigBinder.subtypes(type);
        if (subs != null) {
            String first = expanded.putIfAbsent(type, key);
            if (first != null) {
                out.add(key + " … the same types as " + first);
                return;
            }
            for (JsonSubTypes.Type t : subs.value()) {
                out.add(key + " (type: " + t.name() + ")");
                describe(t.value(), key + ".", out, seen, expanded);
            }
        } else if (type.isRecord()) {
            describe(type, key + ".", out, seen, expanded);
        }
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
            return "a preset name or an inline design";
        }
        return ConfigBinder.subtypes(type) != null ? "one of the types below" : "mapping";
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
