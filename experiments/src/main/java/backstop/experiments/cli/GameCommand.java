package backstop.experiments.cli;

import backstop.analysis.game.Candidate;
import backstop.analysis.report.Report;
import backstop.experiments.config.ConfigException;
import backstop.experiments.game.GamePlan;
import backstop.experiments.game.GameProgress;
import backstop.experiments.game.GameShards;
import backstop.experiments.game.ProfileRun;
import backstop.experiments.sweep.Shard;
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

    @Option(names = "--out", description = "Game folder (default: results/<game name>); it must not exist yet (with"
            + " --shard: it may, if the game's other shards made it).")
    Path out;

    @Option(names = "--resume", description = {"Finish a game that was interrupted (killed, or stopped by a failed"
            + " simulation): keep the simulations it kept in its staging folder, run the rest, write the game folder."})
    boolean resume;

    @Option(names = "--shard", paramLabel = "K/N", description = {"Simulate only shard K of N (K from 1) into shards/K-of-N/"
            + " of the game folder and solve nothing; `backstop merge DIR` solves the game once every shard is done."})
    String shard;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new ConfigException("--threads: must be ≥ 1, got " + threads);
        }
        Shard part = shard == null ? null : Shard.parse(shard);
        if (resume && part != null) {
            throw new ConfigException("--resume: not with --shard (a shard that stopped runs again whole into its own"
                    + " folder); resume an unsharded game");
        }
        GamePlan plan = GamePlan.load(game);
        Path target = out != null ? out : Path.of("results", plan.name());
        if (part != null) {
            return runShard(plan, target, part);
        }
        if (Files.exists(target)) {
            throw new ConfigException("--out " + target + ": already exists; a game never replaces a folder, choose another --out");
        }
        GameStudy study = new GameStudy(plan);
        Path staging = RunDirectory.stagingOf(target);
        if (!resume && Files.isDirectory(staging) && GameProgress.keptIn(study, staging) > 0) {
            throw new ConfigException("--out " + target + ": an interrupted game kept " + GameProgress.keptIn(study, staging)
                    + " simulations in " + staging + "; add --resume to finish it, or delete that folder to start over");
        }
        RunDirectory folder = resume ? RunDirectory.resuming(target, false) : new RunDirectory(target, false);
        GameProgress progress = GameProgress.in(study, plan, folder.staging(), target);
        Map<String, ProfileRun> kept = progress.kept();
        int profiles = plan.dpr().allFullProfiles().size();
        int total = (profiles + 1) * plan.seeds().size() * plan.designs().size();
        System.err.printf("game %s: %s × (%s + the scenario's own behaviour) × %s = %s on %s%n", plan.name(),
                Counts.of(plan.designs().size(), "design"), Counts.of(profiles, "profile"), Counts.of(plan.seeds().size(), "seed"),
                Counts.of(total, "simulation"), Counts.of(threads, "thread"));
        if (resume) {
            System.err.printf("resuming: %s kept, %d to run%n", Counts.of(kept.size(), "simulation"), total - kept.size());
        }
        AtomicInteger done = new AtomicInteger(kept.size());
        List<ProfileRun> all;
        try {
            all = study.playRest(kept, threads, r -> {
                progress.add(r);
                System.err.printf("  %d/%d %s · %s · seed %d%n", done.incrementAndGet(), total, r.design(),
                        r.profile().isEmpty() ? "scenario default" : GameStudy.text(r.profile()), r.seed());
            });
        } catch (RuntimeException | InterruptedException e) {
            progress.flush();
            System.err.println("backstop: the game stopped; its " + GameProgress.keptIn(study, folder.staging())
                    + " finished simulations are kept in " + folder.staging() + ": fix the cause and run it again with --resume");
            throw e;
        }
        progress.flush();
        try {
            List<GameStudy.DesignGame> games = study.solve(all);
            study.write(folder.staging(), games);
            Report.write(folder.staging());
            progress.remove();
            Path written = folder.commit();
            for (GameStudy.DesignGame g : games) {
                print(g);
            }
            System.out.println("results: " + written);
            System.out.println("report: " + written.resolve("report.html").toAbsolutePath().normalize());
            return 0;
        } catch (Exception | Error e) {
            System.err.println("backstop: the game's files could not be written; its simulations are kept in "
                    + folder.staging() + ": run it again with --resume");
            throw e;
        }
    }

    private int runShard(GamePlan plan, Path target, Shard part) throws Exception {
        GameStudy study = new GameStudy(plan);
        int mine = part.pick(study.simulations()).size();
        GameShards.prepare(target, plan, part);
        System.err.printf("game %s, shard %s: %s of %d on %s%n", plan.name(), part, Counts.of(mine, "simulation"),
                study.simulations().size(), Counts.of(threads, "thread"));
        AtomicInteger done = new AtomicInteger();
        List<ProfileRun> runs = study.playShard(part, threads, r -> System.err.printf("  %d/%d %s · %s · seed %d%n",
                done.incrementAndGet(), mine, r.design(), r.profile().isEmpty() ? "scenario default" : GameStudy.text(r.profile()),
                r.seed()));
        RunDirectory folder = new RunDirectory(GameShards.folder(target, part), false);
        try {
            study.writeSimulations(folder.staging(), runs);
            Path written = folder.commit();
            System.out.println("shard " + part + ": " + Counts.of(runs.size(), "simulation") + " in " + written);
            System.out.println("when every shard is done: ./backstop merge " + target);
            return 0;
        } catch (Exception | Error e) {
            folder.abandon();
            throw e;
        }
    }

    /** The equilibria and comparison of each design, as the game's output prints them. */
    static void print(GameStudy.DesignGame g) {
        List<Candidate> eq = g.equilibria();
        var c = g.comparison();
        System.out.printf("design %s: %s within regret %s%n", g.design().name(), eq.size() + (eq.size() == 1 ? " equilibrium" : " equilibria"),
                String.format(Locale.ROOT, "%,.4f", g.threshold()));
        for (int i = 0; i < eq.size(); i++) {
            Map<String, Object> outcome = g.outcomes().get(i);
            System.out.printf(Locale.ROOT, "  %s  regret %,.4f  (%s)  loss_borne %,.2f%n", eq.get(i).mixture().text(3),
                    eq.get(i).regret().value(), eq.get(i).method(), ((Number) outcome.get("loss_borne")).doubleValue());
        }
        System.out.printf(Locale.ROOT, "  scenario default: loss_borne %,.2f; best sampled profile (%s): %,.2f; price of anarchy %.3f%n",
                c.defaultLoss(), c.best(), c.bestLoss(), c.priceOfAnarchy());
    }
}
