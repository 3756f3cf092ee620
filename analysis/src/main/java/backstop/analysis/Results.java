package backstop.analysis;

import java.nio.file.Path;

/** Entry point for notebooks and JShell: {@code Results.load(Path.of("out/run"))}. */
public final class Results {
    private Results() {
    }

    /** Loads a run folder. */
    public static RunResults load(Path runDir) {
        return RunResults.load(runDir);
    }

    /** Loads a sweep folder. */
    public static SweepResults loadSweep(Path sweepDir) {
        return SweepResults.load(sweepDir);
    }

    /** Reads a JSON result file (a manifest, study.json); errors name the file, line and column. */
    public static com.fasterxml.jackson.databind.JsonNode json(Path file) {
        return JsonFiles.read(file);
    }
}
