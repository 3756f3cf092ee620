package backstop.gui;

import backstop.analysis.EventFiles;
import backstop.experiments.results.EventLevel;
import backstop.protocol.event.ProtocolEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A GUI run keeps and saves the events of its level, and its metrics are the same at every level. */
class LiveRunEventsTest {
    private static LiveRun run(EventLevel level) {
        GuiParameters p = ReplayTest.shortCalm(7);
        LiveRun run = new LiveRun(p.loadScenario(), p.loadDesign(), 7, p.scenarioOverrides(), level);
        run.model().start();
        while (run.step()) {
            // to the end
        }
        return run;
    }

    @Test
    void eachLevelKeepsAndSavesItsEventsAndTheSameMetrics(@TempDir Path tmp) throws Exception {
        LiveRun full = run(EventLevel.FULL);
        LiveRun losses = run(EventLevel.LOSSES);
        LiveRun none = run(EventLevel.NONE);
        assertEquals(full.events().stream().filter(EventLevel.LOSSES::keeps).toList().size(), losses.events().size());
        assertTrue(losses.events().size() < full.events().size());
        assertTrue(none.events().isEmpty());
        for (LiveRun r : List.of(losses, none)) {
            assertEquals(ReplayTest.withoutWall(full.result(0).summary()), ReplayTest.withoutWall(r.result(0).summary()));
        }
        Path savedNone = none.save(tmp.resolve("none"), 0);
        assertFalse(EventFiles.find(savedNone).isPresent(), "level none saves no events file");
        ObjectMapper json = new ObjectMapper();
        assertEquals("none", json.readTree(savedNone.resolve("manifest.json").toFile()).get("events").asText());
        Path savedLosses = losses.save(tmp.resolve("losses"), 0);
        try (BufferedReader in = EventFiles.reader(savedLosses.resolve("events.jsonl.gz"))) {
            assertEquals(losses.events().size(), in.lines().count());
        }
        assertTrue(Files.isRegularFile(savedLosses.resolve("summary.json")));
        assertTrue(losses.events().stream().noneMatch(e -> e instanceof ProtocolEvent.TxRejected));
    }

    @Test
    void theEventLevelIsAGuiArgument() {
        assertEquals(EventLevel.LOSSES, GuiArguments.parse(new String[] {"calm", "--events", "losses"}).eventLevel());
        assertEquals(EventLevel.FULL, GuiArguments.parse(new String[] {"calm"}).eventLevel());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GuiArguments.parse(new String[] {"--events", "most"}));
        assertEquals("--events: 'most' is not an event level; use one of none, losses, full", e.getMessage());
        assertTrue(GuiArguments.USAGE.contains("--events"));
    }
}
