package backstop.experiments.cli;

import backstop.analysis.game.Candidate;
import backstop.analysis.report.Report;
import backstop.experiments.config.ConfigException;
import backstop.experiments.game.GamePlan;
import backstop.experiments.game.GameStudy;
import backstop.experiments.results.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code backstop game}: simulate a game file's profiles on common seeds, then solve its empirical game per design. */
@Command(name = "game", mixinStandardHelpOptions = true,
        header = "Run a game file: simulate its strategy profiles on common seeds and find each design's equilibria.",
        description = {"Run a game file (a scenario, designs, roles choosing among strategies; README, \"Games\") into a",
                "game folder: game.json, profiles.csv (every simulation's payoffs and summary) and, per design,",
                "payoffs.csv, full_payoffs.csv, equilibria.csv (every candidate with its regret) and outcomes.csv",
                "(each equilibrium's expected summary metrics); comparison.csv and designs.csv set each design's",
                "equilibria beside the scenario's own behaviour and the best profile simulated (the price of anarchy);",
                "report.html draws them. The folder must not exist yet."})
final class GameCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "GAME", description = "Game file (YAML or JSON).")
    Path game;

    @Option(names = "--threads", description = "Simulations in parallel (default: available processors, here ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", description = "Game folder (default: results/<game name>); it must not exist yet.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new ConfigException("--threads: must be ≥ 1, got " + threads);
        }
        GamePlan plan = GamePlan.load(game);
        Path target = out != null ? out : Path.of("results", plan.name());
        if (Files.exists(target)) {
            throw new ConfigException("--out " + target + ": already exists; a game never replaces a folder, choose another --out");
        }
        int profiles = plan.dpr().allFullProfiles().size();
        int total = profiles * plan.seeds().size() * plan.designs().size();
        System.err.printf("game %s: %s × %s × %s = %s on %s%n", plan.name(), Counts.of(plan.designs().size(), "design"),
                Counts.of(profiles, "profile"), Counts.of(plan.seeds().size(), "seed"), Counts.of(total, "simulation"),
                Counts.of(threads, "thread"));
        AtomicInteger done = new AtomicInteger();
        List<GameStudy.DesignGame> games = new GameStudy(plan).play(threads,
                r -> System.err.printf("  %d/%d %s · %s · seed %d%n", done.incrementAndGet(), total, r.design(),
                        GameStudy.text(r.profile()), r.seed()));
        RunDirectory folder = new RunDirectory(target, false);
        try {
            new GameStudy(plan).write(folder.staging(), games);
            Report.write(folder.staging());
            Path written = folder.commit();
            for (GameStudy.DesignGame g : games) {
                print(g);
            }
            System.out.println("results: " + written);
            System.out.println("report: " + written.resolve("report.html").toAbsolutePath().normalize());
            return 0;
        } catch (Exception | Error e) {
            folder.abandon();
            throw e;
        }
    }

    private static void print(GameStudy.DesignGame g) {
        List<Candidate> eq = g.equilibria();
        var c = g.comparison();
        System.out.printf("design %s: %s within regret %s%n", g.design().name(), eq.size() + (eq.size() == 1 ? " equilibrium" : " equilibria"),
                String.format(Locale.ROOT, "%,.4f", g.threshold()));
        for (int i = 0; i < eq.size(); i++) {
            Map<String, Object> outcome = g.outcomes().get(i);
            System.out.printf(Locale.ROOT, "  %s  regret %,.4f  (%s)  loss_borne %,.2f%n", eq.get(i).mixture().text(),
                    eq.get(i).regret().value(), eq.get(i).method(), ((Number) outcome.get("loss_borne")).doubleValue());
        }
        System.out.printf(Locale.ROOT, "  scenario default: loss_borne %,.2f; best sampled profile (%s): %,.2f; price of anarchy %.3f%n",
                c.defaultLoss(), c.best(), c.bestLoss(), c.priceOfAnarchy());
    }
}
