package backstop.experiments.cli;

import backstop.analysis.ResultFormatException;
import backstop.analysis.report.Report;
import backstop.experiments.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code backstop report DIR}: charts and a self-contained report.html for a run or a sweep folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write charts/*.png and a self-contained report.html for a run folder, a sweep folder or a game folder.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "A run folder, a sweep folder or a game folder.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir + ": no such folder");
        }
        try {
            Path html = Report.write(dir);
            System.out.println("report: " + html.toAbsolutePath().normalize());
            return 0;
        } catch (ResultFormatException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
