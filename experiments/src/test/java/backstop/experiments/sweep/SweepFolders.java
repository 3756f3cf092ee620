package backstop.experiments.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the sweep tests do with folders: list, compare run folders, delete, and a log that prints nothing. */
final class SweepFolders {
    /** The files of a run folder that must be byte-identical between two runs of the same (design, point, seed). */
    static final List<String> BYTE_IDENTICAL = List.of("events.jsonl.gz", "timeseries.csv", "agents.csv", "flows.csv",
            "markets.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepFolders() {
    }

    /** The names in {@code dir}, sorted. */
    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Every file of two run folders equal, the manifest and summary apart from their wall time, and the manifest
     * apart from the build that wrote it ({@code build}: commit, Java, OS), which describe the run, not its results.
     */
    static void assertSameRun(Path a, Path b) throws IOException {
        assertEquals(names(a), names(b));
        for (String f : BYTE_IDENTICAL) {
            assertEquals(-1, Files.mismatch(a.resolve(f), b.resolve(f)), a + "/" + f);
        }
        for (String f : List.of("manifest.json", "summary.json")) {
            ObjectNode x = (ObjectNode) JSON.readTree(a.resolve(f).toFile());
            ObjectNode y = (ObjectNode) JSON.readTree(b.resolve(f).toFile());
            assertTrue(x.remove("wall_seconds") != null && y.remove("wall_seconds") != null);
            if (f.equals("manifest.json")) {
                assertTrue(x.remove("build") != null && y.remove("build") != null, a + "/" + f + " names its build");
            }
            assertEquals(x, y, a + "/" + f);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static PrintStream quiet() {
        return new PrintStream(PrintStream.nullOutputStream());
    }
}
