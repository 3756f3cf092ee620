package backstop.experiments.design;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigException;
import backstop.experiments.config.ConfigTree;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The library of named designs: one commented YAML file per preset under {@code presets/} on the classpath
 * (experiments/src/main/resources/presets), each parameter with its source. The config, the CLI and the
 * GUI all read this one list.
 */
public final class Presets {
    /** Every preset, in the order listings show them. */
    public static final List<String> NAMES = List.of("none", "dydx-v4", "hyperliquid", "binance", "bitmex", "synthetix-v3",
            "drift", "gmx-v2", "maker-liq2", "maker-liq1.2");

    private Presets() {
    }

    /** The preset called {@code name}; throws naming the known presets if there is none. */
    public static DesignSpec load(String name) {
        if (!NAMES.contains(name)) {
            throw new ConfigException("unknown preset '" + name + "'; known: " + String.join(", ", NAMES));
        }
        return bind(ConfigTree.read(name, "presets"), "presets/" + name + ".yaml");
    }

    /** A preset by name, or a design YAML file (which may extend a preset). */
    public static DesignSpec loadOrFile(String nameOrFile) {
        if (NAMES.contains(nameOrFile)) {
            return load(nameOrFile);
        }
        if (!ConfigTree.looksLikeFile(nameOrFile)) {
            throw new ConfigException("unknown preset '" + nameOrFile + "'; known: " + String.join(", ", NAMES)
                    + " (or a path to a design YAML file)");
        }
        return bind(ConfigTree.read(nameOrFile, "presets"), nameOrFile);
    }

    /** Reads a design from YAML text; errors name the document and the path of the offending key. */
    public static DesignSpec parse(String yaml, String origin) {
        return bind(ConfigTree.parse(yaml, origin), origin);
    }

    /** Resolves {@code extends:} (preset names or files) and binds. */
    public static DesignSpec bind(ObjectNode doc, String origin) {
        ObjectNode resolved = ConfigTree.resolve(doc, base -> ConfigTree.read(base, "presets"));
        return ConfigBinder.bind(resolved, DesignSpec.class, origin);
    }
}
