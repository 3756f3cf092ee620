package backstop.experiments.scenario;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigTree;
import backstop.experiments.config.ConfigException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The scenario library: one commented YAML file per scenario under {@code scenarios/} on the classpath
 * (experiments/src/main/resources/scenarios), each citing the stylized facts it is calibrated to. A scenario
 * may also be a file path; either can {@code extends:} a library entry and take {@code --set} overrides.
 */
public final class Scenarios {
    /** Every library scenario, in the order listings show them. */
    public static final List<String> NAMES = List.of("calm", "black-thursday-2020", "may-2021", "luna-2022", "ftx-2022",
            "mango-2022", "oct-2025", "bench");

    private Scenarios() {
    }

    /** A library scenario or a YAML file, with overrides applied. */
    public static ScenarioSpec load(String nameOrFile, List<String> overrides) {
        if (!NAMES.contains(nameOrFile) && !ConfigTree.looksLikeFile(nameOrFile)) {
            throw new ConfigException("unknown scenario '" + nameOrFile + "'; known: " + String.join(", ", NAMES)
                    + " (or a path to a YAML file)");
        }
        ObjectNode own = ConfigTree.read(nameOrFile, "scenarios");
        ObjectNode doc = ConfigTree.resolve(own, base -> ConfigTree.read(base, "scenarios"));
        for (String o : overrides) {
            ConfigTree.set(doc, o);
        }
        try {
            return ConfigBinder.bind(doc, ScenarioSpec.class, nameOrFile);
        } catch (ConfigException e) {
            throw withListHint(e, own);
        }
    }

    /**
     * A file that extends another and lists, say, {@code markets:} replaces the base's list whole; when a problem is
     * in such a list, say so, since a partial entry is the usual cause.
     */
    private static ConfigException withListHint(ConfigException e, ObjectNode own) {
        if (!own.has("extends")) {
            return e;
        }
        List<String> replaced = new java.util.ArrayList<>();
        own.fieldNames().forEachRemaining(k -> {
            if (own.get(k).isArray() && e.problems().stream().anyMatch(p -> p.contains(k + "["))) {
                replaced.add(k);
            }
        });
        if (replaced.isEmpty()) {
            return e;
        }
        List<String> problems = new java.util.ArrayList<>(e.problems());
        problems.add("note: under extends, a list replaces the base's list whole, so each entry of " + replaced
                + " must be given in full; to change one value of the base's entries, use --set (e.g. "
                + replaced.get(0) + "[0].<key>=…) or the sweep's overrides");
        return new ConfigException(problems);
    }

    /** The fully resolved document of a scenario (what {@code backstop show} prints). */
    public static ObjectNode resolved(String nameOrFile) {
        return ConfigTree.resolve(ConfigTree.read(nameOrFile, "scenarios"), base -> ConfigTree.read(base, "scenarios"));
    }
}
