package backstop.experiments.cli;

import backstop.experiments.config.ConfigException;
import backstop.experiments.config.ConfigTree;
import backstop.experiments.design.DesignSpec;
import backstop.experiments.design.Presets;
import backstop.experiments.scenario.ScenarioSpec;
import backstop.experiments.scenario.Scenarios;
import backstop.experiments.sweep.SweepPlan;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code backstop validate FILE}: checks a scenario, design, sweep, game or study file completely (extends resolved, every
 * key bound and range-checked, designs and markets built) without running anything.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario, design, sweep, game or study file without running it; exit 2 naming what is wrong.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "A scenario, design (preset), sweep, game or study YAML/JSON file.")
    Path file;

    @Override
    public Integer call() throws java.io.IOException {
        requireFile(file);
        String name = file.toString();
        ObjectNode doc = ConfigTree.parse(java.nio.file.Files.readString(file), name);
        if (doc.has("figures")) {
            backstop.experiments.study.StudyPlan full = backstop.experiments.study.StudyPlan.load(file, false);
            backstop.experiments.study.StudyPlan ci = backstop.experiments.study.StudyPlan.load(file, true);
            System.out.printf("ok: study, %d sweeps, %d runs (CI version %d), %d figures%n", full.sweeps().size(),
                    full.sweeps().values().stream().mapToInt(p -> p.runs().size()).sum(),
                    ci.sweeps().values().stream().mapToInt(p -> p.runs().size()).sum(), full.figures().size());
        } else if (doc.has("roles")) {
            backstop.experiments.game.GamePlan g = backstop.experiments.game.GamePlan.load(file);
            System.out.printf("ok: game, %d designs × %d profiles × %d seeds%n", g.designs().size(),
                    g.dpr().allFullProfiles().size(), g.seeds().size());
        } else if (doc.has("designs")) {
            System.out.printf("ok: sweep, %d runs%n", SweepPlan.load(file).runs().size());
        } else if (isDesign(doc)) {
            DesignSpec d = Presets.loadOrFile(name);
            d.build(Scenarios.load("calm", List.of()).world().assets().stream().map(a -> a.market()).toList(), 1);
            System.out.printf("ok: design %s%n", d.name());
        } else {
            ScenarioSpec s = Scenarios.load(name, List.of());
            System.out.printf("ok: scenario %s, %d markets, %d agent populations, %d blocks%n", s.name(),
                    s.markets().size(), s.agents().size(), s.world().blocks());
        }
        return 0;
    }

    /** A design has keys only designs have, or extends a preset. */
    static boolean isDesign(ObjectNode doc) {
        for (String key : List.of("liquidation", "waterfall", "breakers", "controllers", "market_overrides", "margin")) {
            if (doc.has(key)) {
                return true;
            }
        }
        return doc.has("extends") && Presets.NAMES.contains(doc.get("extends").asText());
    }

    static void requireFile(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new ConfigException(file + ": no such file");
        }
    }
}
