package backstop.analysis.report;

import backstop.analysis.game.GameResults;
import backstop.analysis.ResultFormatException;
import backstop.analysis.study.StudyResults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code charts/*.png} and a self-contained {@code report.html} (images inlined as base64) into a run
 * folder, a sweep folder, a game folder or a study folder; every file is written under a temporary name and renamed
 * when complete.
 */
public final class Report {
    /** Chart size in pixels. */
    static final int WIDTH = 900;
    static final int HEIGHT = 450;

    private Report() {
    }

    /**
     * Writes the report of {@code dir} (a run folder has summary.json, a sweep folder runs.csv, a game folder game.json,
     * a study folder reproduction.csv); returns report.html.
     */
    public static Path write(Path dir) {
        String html;
        if (StudyResults.isStudy(dir)) {
            html = StudyReport.html(dir);
        } else if (GameResults.isGame(dir)) {
            html = GameReport.html(dir);
        } else if (Files.isRegularFile(dir.resolve("runs.csv"))) {
            html = SweepReport.html(dir);
        } else if (Files.isRegularFile(dir.resolve("summary.json"))) {
            html = RunReport.html(dir);
        } else {
            throw new ResultFormatException(dir + ": not a run folder (summary.json), a sweep folder (runs.csv), a game"
                    + " folder (game.json) or a study folder (reproduction.csv)");
        }
        Path target = dir.resolve("report.html");
        OutputFiles.write(target, html.getBytes(StandardCharsets.UTF_8));
        return target;
    }

    /** Saves a chart under charts/ and adds it to the page. */
    static void chart(Path dir, Html page, String name, String alt, byte[] png) {
        OutputFiles.write(dir.resolve("charts").resolve(name + ".png"), png);
        page.image(alt, png);
    }
}
