package backstop.experiments.cli;

import backstop.analysis.ResultFormatException;
import backstop.analysis.report.Report;
import backstop.experiments.config.ConfigException;
import backstop.experiments.sweep.ShardMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code backstop merge DIR}: the tables and report of a sweep whose shards ran separately, or the runs still missing. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Build runs.csv, comparison.csv and the report of a sweep folder that `backstop sweep --shard`",
                "filled; when runs are missing, list them, write no table and exit 1."})
final class MergeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep folder the shards wrote into.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir + ": no such folder");
        }
        ShardMerge.Outcome outcome = ShardMerge.merge(dir);
        if (!outcome.complete()) {
            System.err.println("backstop: " + outcome.missing().size() + " of " + outcome.runs().size()
                    + " runs are missing, so no tables were written: " + String.join(", ", outcome.missing()));
            System.err.println("backstop: run their shards again (each skips its finished runs), then merge again");
            return 1;
        }
        try {
            Path html = Report.write(dir);
            System.out.printf("%d runs merged%nresults: %s%nreport: %s%n", outcome.runs().size(),
                    dir.toAbsolutePath().normalize(), html.toAbsolutePath().normalize());
            return 0;
        } catch (ResultFormatException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
