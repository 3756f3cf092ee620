package backstop.experiments.cli;

import backstop.experiments.config.ConfigException;
import backstop.experiments.config.ConfigTree;
import backstop.experiments.design.DesignSpec;
import backstop.experiments.design.Presets;
import backstop.experiments.scenario.ScenarioSpec;
import backstop.experiments.scenario.Scenarios;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** The library listings: {@code presets}, {@code scenarios} and {@code show NAME}. */
final class ListCommands {
    private ListCommands() {
    }

    /** {@code backstop presets}: every named design with its one-line description. */
    @Command(name = "presets", mixinStandardHelpOptions = true, description = "List the named loss-mitigation designs.")
    static final class PresetsCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            for (String name : Presets.NAMES) {
                DesignSpec d = Presets.load(name);
                System.out.printf("%-14s %s%n", name, d.description());
            }
            return 0;
        }
    }

    /** {@code backstop scenarios}: every library scenario with its one-line description. */
    @Command(name = "scenarios", mixinStandardHelpOptions = true, description = "List the library scenarios.")
    static final class ScenariosCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            for (String name : Scenarios.NAMES) {
                ScenarioSpec s = Scenarios.load(name, List.of());
                System.out.printf("%-22s %s%n", name, s.description());
            }
            return 0;
        }
    }

    /** {@code backstop show NAME}: the fully resolved configuration of a preset or scenario, as YAML. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the resolved configuration (extends applied) of a preset or scenario.")
    static final class ShowCommand implements Callable<Integer> {
        @Parameters(index = "0", description = "A preset or scenario name.")
        String name;

        @Override
        public Integer call() throws Exception {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
            Object tree;
            if (Presets.NAMES.contains(name)) {
                Presets.load(name);
                tree = ConfigTree.resolve(ConfigTree.read(name, "presets"), b -> ConfigTree.read(b, "presets"));
            } else if (Scenarios.NAMES.contains(name)) {
                Scenarios.load(name, List.of());
                tree = Scenarios.resolved(name);
            } else {
                throw new ConfigException("unknown name '" + name + "'; presets: " + String.join(", ", Presets.NAMES)
                        + "; scenarios: " + String.join(", ", Scenarios.NAMES));
            }
            System.out.print(yaml.writeValueAsString(tree));
            return 0;
        }
    }
}
