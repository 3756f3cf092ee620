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
        ObjectNode doc = ConfigTree.resolve(ConfigTree.read(nameOrFile, "scenarios"),
                base -> ConfigTree.read(base, "scenarios"));
        for (String o : overrides) {
            ConfigTree.set(doc, o);
        }
        return ConfigBinder.bind(doc, ScenarioSpec.class, nameOrFile);
    }

    /** The fully resolved document of a scenario (what {@code backstop show} prints). */
    public static ObjectNode resolved(String nameOrFile) {
        return ConfigTree.resolve(ConfigTree.read(nameOrFile, "scenarios"), base -> ConfigTree.read(base, "scenarios"));
    }
}
