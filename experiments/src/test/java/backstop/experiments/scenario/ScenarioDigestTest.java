package backstop.experiments.scenario;

import backstop.experiments.design.Presets;
import backstop.analysis.EventFiles;
import backstop.experiments.results.EventJsonl;
import backstop.experiments.results.EventLevel;
import backstop.experiments.results.Json;
import backstop.experiments.results.RunResult;
import backstop.experiments.run.WorldRun;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden digests (STYLE.md §3): every library scenario, run briefly under {@code none} on seed 1, must give the
 * same summary, events and time series as when its digest was pinned, so an unintended behaviour change is
 * caught. Changing behaviour on purpose means re-pinning: run with {@code -Dbackstop.updateGolden=true} and
 * commit the new {@code golden-digests.txt} with the reason.
 */
class ScenarioDigestTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden-digests.txt");

    @Test
    void everyLibraryScenarioReproducesItsPinnedDigest(@TempDir Path tmp) throws Exception {
        Map<String, String> actual = new TreeMap<>();
        for (String name : Scenarios.NAMES) {
            actual.put(name, digest(name, tmp.resolve(name)));
        }
        if (Boolean.getBoolean("backstop.updateGolden")) {
            StringBuilder out = new StringBuilder("# scenario digest (SHA-256 of summary w/o wall_seconds, events.jsonl, timeseries)\n");
            actual.forEach((k, v) -> out.append(k).append(' ').append(v).append('\n'));
            Files.writeString(GOLDEN, out.toString(), StandardCharsets.UTF_8);
        }
        Map<String, String> pinned = new TreeMap<>();
        for (String line : Files.readAllLines(GOLDEN)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.trim().split("\\s+");
                pinned.put(parts[0], parts[1]);
            }
        }
        assertEquals(pinned, actual, "a scenario's results changed; if intended, re-pin with -Dbackstop.updateGolden=true");
    }

    /** A short run: the first 120 blocks of the scenario. */
    private static String digest(String scenario, Path dir) throws IOException, Exception {
        ScenarioSpec base = Scenarios.load(scenario, List.of());
        ScenarioSpec spec = Scenarios.load(scenario, List.of("duration_seconds=" + 120 * base.blockSeconds()));
        Files.createDirectories(dir);
        RunResult r;
        try (EventJsonl events = EventJsonl.open(dir, EventLevel.FULL)) {
            r = WorldRun.run(spec, Presets.load("none"), 1, events);
        }
        ObjectNode summary = Json.mapper().valueToTree(r.summary());
        summary.remove("wall_seconds");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(Json.mapper().writeValueAsBytes(summary));
        // The decompressed lines, so the digest compares like for like with the plain events.jsonl it once hashed.
        try (InputStream in = EventFiles.open(dir.resolve(EventJsonl.FILE))) {
            sha.update(in.readAllBytes());
        }
        for (double[] row : r.timeseries().rows()) {
            for (double v : row) {
                sha.update(Double.toString(v).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }
}
