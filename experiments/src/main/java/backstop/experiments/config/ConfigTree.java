package backstop.experiments.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Config documents as YAML/JSON trees before they are bound to records: {@code extends:} pulls in a base
 * (a library name or a file next to this one) and this document's keys override it, maps merging deeply and
 * lists replacing whole; {@code --set path=value} overrides then apply, each naming an existing key.
 */
public final class ConfigTree {
    /** A key given twice in one mapping is an error, not a silent "last one wins". */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ConfigTree() {
    }

    /** Parses YAML or JSON text. */
    public static ObjectNode parse(String text, String origin) {
        try {
            JsonNode n = YAML.readTree(text);
            if (n == null || !n.isObject()) {
                throw new ConfigException(origin + ": must be a mapping of keys to values");
            }
            return (ObjectNode) n;
        } catch (IOException e) {
            throw new ConfigException(origin + ": not valid YAML/JSON: " + syntaxError(e));
        }
    }

    /**
     * The parser's complaint with the line and column of each part, in one line: "expected ',' or ']', but got :
     * (line 4, column 13); while parsing a flow sequence (line 3, column 10)" — the problem first, then its context.
     */
    static String syntaxError(IOException e) {
        String text = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        Matcher at = Pattern.compile("^ in '[^']*', line (\\d+), column (\\d+):$").matcher("");
        List<String> parts = new ArrayList<>();
        String statement = null;
        for (String line : text.split("\n")) {
            if (at.reset(line).matches() && statement != null) {
                parts.add(statement + " (line " + at.group(1) + ", column " + at.group(2) + ")");
                statement = null;
            } else if (!line.isBlank() && !line.startsWith(" ")) {
                if (statement != null) {
                    parts.add(statement);
                }
                statement = line.strip();
            }
        }
        if (statement != null) {
            parts.add(statement);
        }
        if (parts.isEmpty() && e instanceof JsonProcessingException j && j.getLocation() != null) {
            return text.split("\n")[0] + " (line " + j.getLocation().getLineNr() + ", column "
                    + j.getLocation().getColumnNr() + ")";
        }
        Collections.reverse(parts);
        return String.join("; ", parts);
    }

    /**
     * Reads a document from a classpath library entry {@code /folder/name.yaml}, or from a file when the
     * argument looks like a path (contains '/' or ends in .yaml, .yml or .json) — so a library name never
     * resolves to a stray file of the same name in the working directory.
     */
    public static ObjectNode read(String nameOrFile, String libraryFolder) {
        Path file = Path.of(nameOrFile);
        try {
            if (looksLikeFile(nameOrFile)) {
                if (!Files.isRegularFile(file)) {
                    throw new ConfigException(nameOrFile + ": no such file");
                }
                return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            }
            try (InputStream in = ConfigTree.class.getResourceAsStream("/" + libraryFolder + "/" + nameOrFile + ".yaml")) {
                if (in == null) {
                    throw new ConfigException(nameOrFile + ": no such file and no library entry in " + libraryFolder + "/");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), libraryFolder + "/" + nameOrFile + ".yaml");
            }
        } catch (IOException e) {
            throw new ConfigException(nameOrFile + ": cannot read: " + e.getMessage());
        }
    }

    /** Whether a name is meant as a file path rather than a library entry. */
    public static boolean looksLikeFile(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return name.contains("/") || name.contains(java.io.File.separator) || lower.endsWith(".yaml")
                || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    /**
     * Resolves {@code extends:} chains: each base is loaded by {@code loader} (cycles are refused) and the
     * document is merged over it; the result has no {@code extends} key.
     */
    public static ObjectNode resolve(ObjectNode doc, Function<String, ObjectNode> loader) {
        return resolve(doc, loader, new ArrayList<>());
    }

    private static ObjectNode resolve(ObjectNode doc, Function<String, ObjectNode> loader, List<String> chain) {
        JsonNode ext = doc.get("extends");
        if (ext == null) {
            return doc;
        }
        if (!ext.isTextual()) {
            throw new ConfigException("extends: must be a name, got " + ext);
        }
        String base = ext.asText();
        if (chain.contains(base)) {
            throw new ConfigException("extends: cycle " + String.join(" → ", chain) + " → " + base);
        }
        chain.add(base);
        ObjectNode merged = resolve(loader.apply(base), loader, chain).deepCopy();
        ObjectNode own = doc.deepCopy();
        own.remove("extends");
        merge(merged, own);
        return merged;
    }

    /** Merges {@code over} into {@code base}: objects deeply, everything else (lists included) replaced. */
    public static void merge(ObjectNode base, ObjectNode over) {
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode vo) {
                merge(eo, vo);
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    /**
     * Applies one {@code path=value} override (paths like {@code agents[2].count} or
     * {@code liquidation.penalty.rate}); the path must exist, and the value is parsed as YAML (a number, a
     * word, a list…).
     */
    public static void set(ObjectNode doc, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set " + assignment + ": expected path=value");
        }
        String path = assignment.substring(0, eq).trim();
        JsonNode value = parseValue(assignment.substring(eq + 1), path);
        List<Object> steps = steps(path);
        JsonNode node = doc;
        for (int i = 0; i < steps.size() - 1; i++) {
            node = child(node, steps.get(i), path);
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof String key) {
            if (!(node instanceof ObjectNode o) || !o.has(key)) {
                throw new ConfigException("--set " + path + ": no such key (" + key + ")");
            }
            o.set(key, value);
        } else {
            int index = (Integer) last;
            if (!(node instanceof ArrayNode a) || index >= a.size()) {
                throw new ConfigException("--set " + path + ": no element [" + index + "]");
            }
            a.set(index, value);
        }
    }

    private static JsonNode child(JsonNode node, Object step, String path) {
        JsonNode next = step instanceof String key ? node.get(key) : node.get((Integer) step);
        if (next == null || next.isNull()) {
            throw new ConfigException("--set " + path + ": " + (step instanceof String ? "no such key (" + step + ")" : "no element [" + step + "]"));
        }
        return next;
    }

    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            if (!key.isEmpty()) {
                steps.add(key);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                if (close < 0) {
                    throw new ConfigException("--set " + path + ": unclosed [");
                }
                try {
                    steps.add(Integer.parseInt(part.substring(bracket + 1, close)));
                } catch (NumberFormatException e) {
                    throw new ConfigException("--set " + path + ": index must be a number");
                }
                bracket = part.indexOf('[', close);
            }
        }
        if (steps.isEmpty()) {
            throw new ConfigException("--set " + path + ": empty path");
        }
        return steps;
    }

    private static JsonNode parseValue(String text, String path) {
        try {
            JsonNode v = YAML.readTree(text.isBlank() ? "null" : text);
            return v == null ? JsonNodeFactory.instance.nullNode() : v;
        } catch (IOException e) {
            throw new ConfigException("--set " + path + ": cannot parse value '" + text + "'");
        }
    }
}
