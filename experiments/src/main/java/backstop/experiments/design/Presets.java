package backstop.experiments.design;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The library of named designs: one commented YAML file per preset under {@code presets/} on the classpath
 * (experiments/src/main/resources/presets), each parameter with its source. The config, the CLI and the
 * GUI all read this one list.
 */
public final class Presets {
    /** Every preset, in the order listings show them. */
    public static final List<String> NAMES = List.of("none");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private Presets() {
    }

    /** The preset called {@code name}; throws naming the known presets if there is none. */
    public static DesignSpec load(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown preset '" + name + "'; known: " + String.join(", ", NAMES));
        }
        try (InputStream in = Presets.class.getResourceAsStream("/presets/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("preset file presets/" + name + ".yaml is missing from the build");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "presets/" + name + ".yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a design from YAML text; errors name the file and the path of the offending key. */
    public static DesignSpec parse(String yaml, String origin) {
        try {
            return YAML.readValue(yaml, DesignSpec.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(origin + ": " + path(e) + describe(e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return p.isEmpty() ? "" : p + ": ";
    }

    private static String describe(JsonMappingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException) {
            return root.getMessage();
        }
        String msg = e.getOriginalMessage();
        int cut = msg.indexOf(" (for ");
        return cut > 0 ? msg.substring(0, cut) : msg;
    }
}
