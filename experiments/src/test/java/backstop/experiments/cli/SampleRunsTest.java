package backstop.experiments.cli;

import backstop.analysis.EventFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample run folders the analysis tests read (checked in under analysis/src/test/resources/samples) have the
 * layout of a current run: this test reruns each sample's scenario, design, seed and overrides (from its
 * manifest.json) and compares the files, the CSV headers, the keys of summary.json and manifest.json, and every
 * event type with its keys. Values may differ (behaviour changes); a renamed, added or dropped column may not.
 */
class SampleRunsTest {
    private static final Path SAMPLES = Path.of("../analysis/src/test/resources/samples").toAbsolutePath().normalize();
    private static final String REGENERATE = "The checked-in sample runs are stale. Regenerate them with"
            + " analysis/src/test/resources/samples/regenerate.sh (README.md there), rerun the analysis tests and"
            + " commit the folders.";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everySampleRunHasTheFilesAndColumnsOfACurrentRunOfItsManifest(@TempDir Path tmp) throws IOException {
        assertEquals(List.of("calm-run", "crash-run", "game"), sampleNames(), "the samples the analysis tests name");
        List<String> stale = new ArrayList<>();
        for (String name : List.of("calm-run", "crash-run")) {
            Path sample = SAMPLES.resolve(name);
            Path current = tmp.resolve(name);
            List<String> args = runArguments(json.readTree(sample.resolve("manifest.json").toFile()), current);
            assertEquals(0, Main.execute(args.toArray(String[]::new)), String.join(" ", args));
            compare(name, "files", files(sample), files(current), stale);
            for (String file : files(current)) {
                if (file.endsWith(".csv") && Files.exists(sample.resolve(file))) {
                    compare(name, file + " header", firstLine(sample.resolve(file)), firstLine(current.resolve(file)), stale);
                }
            }
            compare(name, "summary.json keys", keys(sample.resolve("summary.json")), keys(current.resolve("summary.json")), stale);
            compare(name, "manifest.json keys", keys(sample.resolve("manifest.json")), keys(current.resolve("manifest.json")), stale);
            Map<String, Set<List<String>>> sampleEvents = eventKeys(sample);
            Map<String, Set<List<String>>> currentEvents = eventKeys(current);
            compare(name, "event types", sampleEvents.keySet(), currentEvents.keySet(), stale);
            for (String type : currentEvents.keySet()) {
                if (sampleEvents.containsKey(type)) {
                    compare(name, "keys of event " + type, sampleEvents.get(type), currentEvents.get(type), stale);
                }
            }
        }
        assertTrue(stale.isEmpty(), String.join("\n", stale) + "\n" + REGENERATE);
    }

    /**
     * The sample game folder has the files and CSV headers a current {@code backstop game} of the notebook's game file
     * writes (the notebook's game is the sample's: regenerate.sh runs it).
     */
    @Test
    void theSampleGameHasTheFilesAndColumnsOfACurrentGame(@TempDir Path tmp) throws IOException {
        Path sample = SAMPLES.resolve("game");
        Path current = tmp.resolve("game");
        Path file = Path.of("../analysis/notebooks/notebook-game.yaml").toAbsolutePath().normalize();
        assertEquals(0, Main.execute("game", file.toString(), "--out", current.toString(), "--threads", "2"));
        List<String> stale = new ArrayList<>();
        List<String> files;
        try (Stream<Path> all = Files.walk(current)) {
            files = all.filter(Files::isRegularFile).map(f -> current.relativize(f).toString())
                    .filter(f -> !f.startsWith("charts") && !f.equals("report.html")).sorted().toList();
        }
        List<String> inSample;
        try (Stream<Path> all = Files.walk(sample)) {
            inSample = all.filter(Files::isRegularFile).map(f -> sample.relativize(f).toString()).sorted().toList();
        }
        compare("game", "files", inSample, files, stale);
        for (String f : files) {
            if (f.endsWith(".csv") && Files.exists(sample.resolve(f))) {
                compare("game", f + " header", firstLine(sample.resolve(f)), firstLine(current.resolve(f)), stale);
            }
        }
        compare("game", "game.json keys", keys(sample.resolve("game.json")), keys(current.resolve("game.json")), stale);
        assertTrue(stale.isEmpty(), String.join("\n", stale) + "\n" + REGENERATE);
    }

    /** {@code backstop run} with the manifest's scenario, design, seed and overrides, into {@code out}. */
    private static List<String> runArguments(JsonNode manifest, Path out) {
        List<String> args = new ArrayList<>(List.of("run", manifest.get("scenario").asText(),
                "--preset", manifest.get("design").asText(), "--seed", manifest.get("seed").asText()));
        for (JsonNode o : manifest.get("overrides")) {
            args.add("--set");
            args.add(o.asText());
        }
        args.addAll(List.of("--out", out.toString()));
        return args;
    }

    private static void compare(String sample, String what, Object inSample, Object current, List<String> stale) {
        if (!inSample.equals(current)) {
            stale.add(sample + ": " + what + " differ\n  sample:  " + inSample + "\n  current: " + current);
        }
    }

    private static List<String> sampleNames() throws IOException {
        try (Stream<Path> dirs = Files.list(SAMPLES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static String firstLine(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return r.readLine();
        }
    }

    private List<String> keys(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        json.readTree(file.toFile()).fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Event type → the key lists its events carry, in file order (one list per type: events are records). */
    private Map<String, Set<List<String>>> eventKeys(Path run) throws IOException {
        Map<String, Set<List<String>>> out = new TreeMap<>();
        try (BufferedReader in = EventFiles.reader(EventFiles.find(run).orElseThrow(
                () -> new AssertionError(run + " has no events file")));
             Stream<String> lines = in.lines()) {
            for (String line : (Iterable<String>) lines::iterator) {
                JsonNode e = json.readTree(line);
                List<String> keys = new ArrayList<>();
                e.fieldNames().forEachRemaining(keys::add);
                out.computeIfAbsent(e.get("type").asText(), t -> new LinkedHashSet<>()).add(keys);
            }
        }
        return out;
    }
}
