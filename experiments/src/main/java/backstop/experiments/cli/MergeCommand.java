package backstop.experiments.cli;

import backstop.analysis.ResultFormatException;
import backstop.analysis.report.Report;
import backstop.experiments.config.ConfigException;
import backstop.experiments.sweep.ShardMerge;
import backstop.experiments.game.GamePlan;
import backstop.experiments.game.GameShards;
import backstop.experiments.game.GameStudy;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code backstop merge DIR}: the tables and report of a sweep whose shards ran separately, or the runs still missing;
 * for a game folder, the game solved from its shards' simulations.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        header = "Build the tables and the report of a sweep whose shards ran separately.",
        description = {"Build runs.csv, comparison.csv and the report of a sweep folder that `backstop sweep --shard`",
                "filled; when runs are missing, list them, write no table and exit 1 (or, with --partial, build the",
                "tables from the finished runs and list the missing ones in missing.txt). On a game folder that",
                "`backstop game --shard` filled, solve the game from every shard's simulations."})
final class MergeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep folder the shards wrote into.")
    Path dir;

    @Option(names = "--partial", description = "With runs missing, still build the tables and report from the runs "
            + "that finished (paired comparisons use the seeds both designs finished); missing.txt lists the rest.")
    boolean partial;

    @Option(names = "--parquet", description = "Also write the Parquet dataset of the merged runs (parquet/, as "
            + "`backstop sweep --parquet` does).")
    boolean parquet;

    /** A game's shards: every simulation read back in order, then the game solved and its files written. */
    private int mergeGame() throws Exception {
        if (partial || parquet) {
            throw new ConfigException((partial ? "--partial" : "--parquet") + ": a game is solved from all its simulations"
                    + " and has no Parquet dataset; merge it without the option");
        }
        GameStudy study = new GameStudy(GamePlan.ofFolder(dir));
        GameShards.Merged merged = GameShards.read(dir, study);
        if (!merged.complete()) {
            int total = study.simulations().size();
            System.err.println("backstop: " + merged.missing().size() + " of " + total + " simulations are missing (from "
                    + merged.shards() + " finished shard folders), so the game was not solved; the first: "
                    + String.join("; ", merged.missing().subList(0, Math.min(5, merged.missing().size()))));
            System.err.println("backstop: run the missing shards (backstop game FILE --shard K/N --out " + dir + "), then merge again");
            return 1;
        }
        List<GameStudy.DesignGame> games = study.solve(merged.runs());
        study.write(dir, games);
        Path html = Report.write(dir);
        for (GameStudy.DesignGame g : games) {
            GameCommand.print(g);
        }
        System.out.printf("%d simulations from %d shards merged%nresults: %s%nreport: %s%n", merged.runs().size(),
                merged.shards(), dir.toAbsolutePath().normalize(), html.toAbsolutePath().normalize());
        return 0;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir + ": no such folder");
        }
        if (Files.isRegularFile(dir.resolve("game.json"))) {
            return mergeGame();
        }
        ShardMerge.Outcome outcome = ShardMerge.merge(dir, partial, parquet);
        if (!outcome.complete() && !partial) {
            System.err.println("backstop: " + outcome.missing().size() + " of " + outcome.runs().size()
                    + " runs are missing, so no tables were written: " + String.join(", ", outcome.missing()));
            sayShards(outcome);
            System.err.println("backstop: run their shards again (each skips its finished runs), then merge again");
            return 1;
        }
        try {
            Path html = Report.write(dir);
            int merged = outcome.runs().size() - outcome.missing().size();
            if (!outcome.complete()) {
                System.err.println("backstop: partial merge: " + outcome.missing().size() + " of "
                        + outcome.runs().size() + " runs are missing (listed in " + ShardMerge.MISSING_FILE + "): "
                        + String.join(", ", outcome.missing()));
                sayShards(outcome);
            }
            System.out.printf("%d of %d runs merged%nresults: %s%nreport: %s%n", merged, outcome.runs().size(),
                    dir.toAbsolutePath().normalize(), html.toAbsolutePath().normalize());
            if (parquet) {
                System.out.println("parquet: " + dir.toAbsolutePath().normalize()
                        .resolve(backstop.experiments.dataset.ParquetDataset.FOLDER));
            }
            return 0;
        } catch (ResultFormatException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** Which shard owns each missing run, and the command that finishes it (a Slurm array task id is K). */
    private void sayShards(ShardMerge.Outcome outcome) {
        outcome.missingByShard().forEach((shard, ids) -> {
            String runs = String.join(", ", ids);
            if (shard.isEmpty()) {
                System.err.println("backstop: shard unknown (no shards/K-of-N.txt of a single N): " + runs);
            } else {
                String task = shard.substring(0, shard.indexOf('/'));
                System.err.println("backstop: shard " + shard + " (Slurm array task " + task + "): " + ids.size()
                        + " missing: " + runs + "; backstop sweep SWEEP --out " + dir + " --shard " + shard);
            }
        });
    }
}
