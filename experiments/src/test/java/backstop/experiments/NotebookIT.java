package backstop.experiments;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Executes the research notebooks (analysis/notebooks/*.ipynb) with Jupyter, as a person would: each runs a sweep
 * (or a game) through the CLI and checks its own pandas numbers against the result files (design-comparison against
 * comparison.csv, where-losses-land each run's markets.csv against runs.csv, equilibrium each payoff against
 * profiles.csv and each candidate's regret against the payoff table). CI installs
 * Debian's jupyter-nbconvert, python3-ipykernel, python3-pandas, python3-matplotlib and python3-scipy; elsewhere the test is
 * skipped when Jupyter is missing, but never on CI.
 */
class NotebookIT {
    private static final Path NOTEBOOKS = Path.of("../analysis/notebooks").toAbsolutePath().normalize();

    @Test
    void theDesignComparisonNotebookExecutesAndReproducesTheComparison(@TempDir Path tmp) throws Exception {
        String cells = execute("design-comparison.ipynb", tmp);
        assertTrue(cells.contains("comparison.csv reproduced for 9 design"), "the notebook checked its numbers");
        assertTrue(images(cells) >= 1, "the executed notebook shows its figure inline");
    }

    @Test
    void theEquilibriumNotebookExecutesAndRecomputesTheGame(@TempDir Path tmp) throws Exception {
        String cells = execute("equilibrium.ipynb", tmp);
        assertTrue(cells.contains("full_payoffs.csv reproduced from profiles.csv for 30 profile × strategy payoffs"),
                "the notebook checked the payoffs");
        assertTrue(cells.contains("regret reproduced for"), "the notebook recomputed every candidate's regret");
        assertTrue(cells.contains("prices of anarchy reproduced for 2 designs"), "the notebook checked the comparison");
        assertTrue(images(cells) >= 2, "the executed notebook shows the payoff table and the design comparison inline");
    }

    /** Inline images in an executed notebook's outputs. */
    private static int images(String notebook) {
        return notebook.split("\"image/png\"", -1).length - 1;
    }

    @Test
    void theWhereLossesLandNotebookExecutesAndAddsUpTheMarkets(@TempDir Path tmp) throws Exception {
        String cells = execute("where-losses-land.ipynb", tmp);
        assertTrue(cells.contains("markets.csv adds up to runs.csv for 6 runs"), "the notebook checked its numbers");
        assertTrue(images(cells) >= 1, "the executed notebook shows its figure inline");
    }

    /** Runs one notebook with jupyter nbconvert against the shaded jar; returns the executed notebook's text. */
    private static String execute(String notebook, Path tmp) throws Exception {
        boolean available = onPath("jupyter");
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(available, "jupyter is not installed (apt-get install jupyter-nbconvert python3-ipykernel python3-pandas python3-matplotlib python3-scipy)");
        }
        assertTrue(available, "CI must have jupyter (.ci/run installs it)");
        Path executed = tmp.resolve("executed.ipynb");
        ProcessBuilder pb = new ProcessBuilder("jupyter", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=900", "--output", executed.toString(),
                NOTEBOOKS.resolve(notebook).toString())
                .directory(NOTEBOOKS.toFile())
                .redirectErrorStream(true);
        // The shaded jar users run (built in `package`, before integration tests).
        Path jar = Path.of("target", "backstop.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the executable jar is built before the integration tests: " + jar);
        pb.environment().put("BACKSTOP_CLASSPATH", jar.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.MINUTES), notebook + " finished");
        assertEquals(0, p.exitValue(), output);
        return Files.readString(executed);
    }

    @Test
    void everyNotebookInTheFolderIsExecutedHere() throws IOException {
        try (var files = Files.list(NOTEBOOKS)) {
            assertEquals(List.of("design-comparison.ipynb", "equilibrium.ipynb", "where-losses-land.ipynb"), files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".ipynb")).sorted().toList());
        }
    }

    private static boolean onPath(String program) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
