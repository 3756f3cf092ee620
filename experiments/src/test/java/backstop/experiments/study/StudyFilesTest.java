package backstop.experiments.study;

import backstop.analysis.study.ReproductionRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI version of every study in experiments/studies/ (`backstop study NAME --ci`): each runs, and every row it
 * asserts (those without {@code ci: false}) is inside its band. The full versions and their tables are in the README.
 */
class StudyFilesTest {
    /** The study folder, seen from the module (tests run in experiments/). */
    static final Path STUDIES = Path.of("studies");

    @TempDir
    Path tmp;

    @Test
    void everyStudysCiVersionReproducesWhatItAsserts() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(STUDIES)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        List<String> problems = new ArrayList<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (Path file : files) {
            StudyPlan plan = StudyPlan.load(file, true);
            assertEquals(file.getFileName().toString(), plan.name() + ".yaml", "a study's name is its file's");
            long start = System.nanoTime();
            StudyRunner.Outcome o = new StudyRunner(plan, tmp.resolve(plan.name()), "test").run(2, quiet, false);
            assertTrue(o.failed().isEmpty(), plan.name() + ": runs failed " + o.failed());
            for (ReproductionRow r : o.rows()) {
                if (r.asserted() && !r.inside()) {
                    problems.add(plan.name() + "/" + r.figure() + ": simulated " + r.simulated() + " over " + r.samples()
                            + " seeds, band " + r.band());
                }
            }
            System.out.printf("%s (CI version): %d rows, %d asserted, %.1f s%n", plan.name(), o.rows().size(),
                    o.rows().stream().filter(ReproductionRow::asserted).count(), (System.nanoTime() - start) / 1e9);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
