package backstop.experiments.cli;

import backstop.experiments.config.ConfigException;
import backstop.experiments.config.ConfigTree;
import backstop.experiments.design.DesignSpec;
import backstop.experiments.design.Mechanisms;
import backstop.experiments.design.Presets;
import backstop.experiments.scenario.ScenarioSpec;
import backstop.experiments.scenario.Scenarios;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * {@code backstop presets}: every named design with its one-line description and, under it, its mechanisms by
     * their registered names ({@code backstop reference mechanisms} says what each is and which class it builds).
     */
    @Command(name = "presets", mixinStandardHelpOptions = true,
            description = "List the named loss-mitigation designs and the mechanisms each is made of.")
    static final class PresetsCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            for (String name : Presets.NAMES) {
                DesignSpec d = Presets.load(name);
                System.out.printf("%-14s %s%n", name, d.description());
                System.out.printf("%-14s %s%n", "", Mechanisms.outline(d));
            }
            return 0;
        }
    }

    /** {@code backstop strategies}: every library strategy a game may name, by population type, with what it fixes. */
    @Command(name = "strategies", mixinStandardHelpOptions = true,
            description = {"List the named strategies a game's roles choose among (type/name), what each does and the"
                    + " population keys it fixes."})
    static final class StrategiesCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            String type = null;
            for (backstop.experiments.game.Strategy s : backstop.experiments.game.StrategyLibrary.all()) {
                if (!s.type().equals(type)) {
                    type = s.type();
                    System.out.println(type);
                }
                System.out.printf("  %-16s %s%n  %-16s %s%n", s.name(), s.summary(), "", s.set());
            }
            return 0;
        }
    }

    /** {@code backstop studies}: every study file of experiments/studies/ with its title. */
    @Command(name = "studies", mixinStandardHelpOptions = true,
            description = "List the reproduction studies (experiments/studies/*.yaml) with their titles and figures.")
    static final class StudiesCommand implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            for (java.nio.file.Path file : backstop.experiments.study.StudyPlan.library()) {
                ObjectNode doc = ConfigTree.parse(java.nio.file.Files.readString(file), file.toString());
                String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
                System.out.printf("%-22s %s (%d figures)%n", name, doc.path("title").asText(doc.path("name").asText()),
                        doc.path("figures").size());
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
            description = "Print the resolved configuration (extends applied) of a preset or scenario, or of your own file.")
    static final class ShowCommand implements Callable<Integer> {
        @Parameters(index = "0", description = "A preset or scenario name, or a design or scenario file of your own.")
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
            } else if (java.nio.file.Files.isRegularFile(java.nio.file.Path.of(name))) {
                // A user's own file, resolved the same way (extends applied) after it validates.
                ObjectNode doc = ConfigTree.parse(java.nio.file.Files.readString(java.nio.file.Path.of(name)), name);
                if (ValidateCommand.isDesign(doc)) {
                    Presets.loadOrFile(name);
                    tree = ConfigTree.resolve(ConfigTree.read(name, "presets"), b -> ConfigTree.read(b, "presets"));
                } else {
                    Scenarios.load(name, List.of());
                    tree = Scenarios.resolved(name);
                }
            } else {
                throw new ConfigException("unknown name '" + name + "' (and no such file); presets: "
                        + String.join(", ", Presets.NAMES) + "; scenarios: " + String.join(", ", Scenarios.NAMES));
            }
            System.out.print(yaml.writeValueAsString(tree));
            return 0;
        }
    }

    /** {@code backstop reference}: every configuration key, and every registered mechanism, generated from the code. */
    @Command(name = "reference", mixinStandardHelpOptions = true,
            description = "Print every configuration key of scenario, design, sweep, game and study files, every mechanism a"
                    + " design can name, every library strategy a game can name and every measure a study can name"
                    + " (generated from the code).")
    static final class ReferenceCommand implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1",
                description = "scenario, design, sweep, game, study, mechanisms, strategies or measures (default: all eight).")
        String kind;

        @Override
        public Integer call() {
            java.util.Map<String, Class<?>> kinds = new java.util.LinkedHashMap<>();
            kinds.put("scenario", ScenarioSpec.class);
            kinds.put("design", DesignSpec.class);
            kinds.put("sweep", backstop.experiments.sweep.SweepSpec.class);
            kinds.put("game", backstop.experiments.game.GameSpec.class);
            kinds.put("study", backstop.experiments.study.StudySpec.class);
            if (kind != null && !kinds.containsKey(kind) && !kind.equals("mechanisms") && !kind.equals("strategies")
                    && !kind.equals("measures")) {
                throw new ConfigException("reference: kind must be scenario, design, sweep, game, study, mechanisms,"
                        + " strategies or measures,"
                        + " got '" + kind + "'");
            }
            for (var e : kinds.entrySet()) {
                if (kind == null || kind.equals(e.getKey())) {
                    System.out.println("# " + e.getKey() + " files: key  type, unit, allowed range, default — meaning"
                            + (e.getKey().equals("scenario") ? " (defaults from scenarios/base.yaml, which every library"
                            + " scenario extends; lists replace whole, so a list element's values there are examples)" : ""));
                    JsonNode defaults = e.getKey().equals("scenario") ? ConfigTree.read("base", "scenarios") : null;
                    backstop.experiments.config.ConfigReference.of(e.getValue(), defaults).forEach(System.out::println);
                    System.out.println();
                }
            }
            if (kind == null || kind.equals("mechanisms")) {
                System.out.println("# mechanisms: each kind (where a design names it), then every registered mechanism with"
                        + " what it does, the protocol class it builds and an example (the registry: design/Mechanisms)");
                Mechanisms.catalogue().forEach(System.out::println);
            }
            if (kind == null || kind.equals("strategies")) {
                System.out.println();
                System.out.println("# strategies: every library strategy a game's role may name (type/name), what it does and"
                        + " the population keys it fixes (strategies/strategies.yaml; also `backstop strategies`)");
                new StrategiesCommand().call();
            }
            if (kind == null || kind.equals("measures")) {
                System.out.println();
                System.out.println("# measures: every registered measure a study's figure may name (simulated.measure), what"
                        + " it computes from a run's result files and its params (the registry: study/Measures)");
                backstop.experiments.study.Measures.catalogue().forEach(System.out::println);
            }
            return 0;
        }
    }
}
