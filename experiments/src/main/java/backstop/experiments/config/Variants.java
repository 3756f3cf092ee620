package backstop.experiments.config;

import backstop.model.spec.Doc;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variants of a polymorphic config type, in declaration order: a sealed interface's {@link Mechanism} records, or
 * the {@code @JsonSubTypes} of a model or agents type's mix-in. {@code named}: written as a bare name instead of a
 * mapping with a {@code type} key.
 */
public record Variants(Class<?> type, boolean named, List<Variant> all) {
    /** One variant: its name, its record, the one-line summary (may be empty) and the example of its keys. */
    public record Variant(String name, Class<?> type, String summary, String example) {
    }

    private static final Map<Class<?>, Variants> CACHE = new ConcurrentHashMap<>();
    private static final Variants NONE = new Variants(Void.class, false, List.of());

    /** The variants of {@code type}, or null when it is not polymorphic. */
    public static Variants of(Class<?> type) {
        Variants v = CACHE.computeIfAbsent(type, Variants::find);
        return v == NONE ? null : v;
    }

    private static Variants find(Class<?> type) {
        if (type.isInterface() && type.isSealed()) {
            List<Variant> found = new ArrayList<>();
            for (Class<?> c : type.getPermittedSubclasses()) {
                Mechanism m = c.getAnnotation(Mechanism.class);
                if (m != null) {
                    found.add(new Variant(m.name(), c, m.summary(), m.example()));
                }
            }
            if (!found.isEmpty()) {
                return new Variants(type, type.getAnnotation(JsonTypeInfo.class) == null, List.copyOf(found));
            }
        }
        JsonSubTypes subs = ConfigBinder.mixinSubtypes(type);
        if (subs == null) {
            return NONE;
        }
        List<Variant> found = new ArrayList<>();
        for (JsonSubTypes.Type t : subs.value()) {
            Doc d = t.value().getAnnotation(Doc.class);
            found.add(new Variant(t.name(), t.value(), d == null ? "" : d.value(), ""));
        }
        return new Variants(type, false, List.copyOf(found));
    }

    /** The names, in order. */
    public List<String> names() {
        return all.stream().map(Variant::name).toList();
    }

    /** The variant a file's name selects (for a bare-name type, ignoring case and {@code _} for {@code -}), or null. */
    public Variant find(String name) {
        String wanted = named ? normalize(name) : name;
        for (Variant v : all) {
            if (v.name().equals(wanted)) {
                return v;
            }
        }
        return null;
    }

    /** The variant whose record is {@code record}, or null. */
    public Variant variantOf(Object record) {
        for (Variant v : all) {
            if (v.type() == record.getClass()) {
                return v;
            }
        }
        return null;
    }

    /** A bare name as registered: lower case, {@code -} for {@code _} ({@code PRO_RATA} is {@code pro-rata}). */
    public static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
