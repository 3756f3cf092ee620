package backstop.experiments.cli;

import backstop.analysis.EventFiles;
import backstop.analysis.Results;
import backstop.analysis.RunResults;
import backstop.analysis.cascade.Cascades;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run's event level filters only its events file: the same seed at none, losses and full writes the same
 * summary, markets.csv and timeseries.csv (computed in the simulation from the event bus), and the cascades
 * rebuilt from a losses file are those of the full file and of the summary.
 */
class EventLevelsTest {
    /**
     * Black Thursday compressed to ten minutes, as the crash sample run: under hyperliquid liquidations, cascades,
     * bad debt and vault takeovers; under maker-liq2 auction kicks.
     */
    private static final String[] CRASH = {"black-thursday-2020", "--seed", "7",
            "--set", "duration_seconds=600", "--set", "sample_seconds=60",
            "--set", "markets[0].process.start=60", "--set", "markets[0].process.duration=480",
            "--set", "markets[0].process.drawdown=0.15", "--set", "episodes[0].start=60", "--set", "episodes[0].end=540",
            "--set", "agents[1].count=100", "--set", "agents[2].count=10"};
    /** Event types a losses file may hold (EventLevel.LOSS_EVENTS, spelled as the file spells them). */
    private static final Set<String> LOSS_TYPES = Set.of("liquidation", "liquidation_settled", "fill",
            "position_transfer", "bad_debt", "loss_absorbed", "halt", "breaker_added", "parameter_changed",
            "insurance_top_up", "account_opened", "oracle_price", "transfer");
    private final ObjectMapper json = new ObjectMapper();

    private Path run(Path dir, String preset, String level) {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(List.of(CRASH));
        args.addAll(List.of("--preset", preset, "--events", level, "--out", dir.toString()));
        assertEquals(0, Main.execute(args.toArray(String[]::new)), String.join(" ", args));
        return dir;
    }

    @Test
    void theSummaryAndTablesAreTheSameAtEveryLevel(@TempDir Path tmp) throws Exception {
        for (String preset : List.of("hyperliquid", "maker-liq2")) {
            Path full = run(tmp.resolve(preset + "-full"), preset, "full");
            Path losses = run(tmp.resolve(preset + "-losses"), preset, "losses");
            Path none = run(tmp.resolve(preset + "-none"), preset, "none");
            for (Path other : List.of(losses, none)) {
                for (String f : List.of("markets.csv", "timeseries.csv", "agents.csv", "flows.csv")) {
                    assertEquals(-1, Files.mismatch(full.resolve(f), other.resolve(f)), other + "/" + f);
                }
                assertEquals(summary(full), summary(other), other + "/summary.json");
            }
            assertTrue(Files.isRegularFile(full.resolve("events.jsonl.gz")));
            assertFalse(Files.exists(none.resolve("events.jsonl.gz")) || Files.exists(none.resolve("events.jsonl")),
                    "level none writes no events file");
            for (String[] l : new String[][] {{"full", full.toString()}, {"losses", losses.toString()}, {"none", none.toString()}}) {
                assertEquals(l[0], json.readTree(Path.of(l[1], "manifest.json").toFile()).get("events").asText());
            }
            List<String> all = lines(full);
            List<String> kept = lines(losses);
            assertTrue(kept.size() < all.size() / 2, preset + ": losses keeps " + kept.size() + " of " + all.size());
            // The losses file is the full file's loss events, in order: each one a line of the full file.
            List<String> expected = new ArrayList<>();
            for (String line : all) {
                if (isLossEvent(json.readTree(line))) {
                    expected.add(line);
                }
            }
            assertEquals(expected, kept, preset);
            RunResults f = Results.load(full);
            RunResults l = Results.load(losses);
            Cascades fromFull = Cascades.of(f);
            Cascades fromLosses = Cascades.of(l);
            if (preset.equals("hyperliquid")) {
                assertTrue(fromFull.list().size() > 1, "hyperliquid's crash has cascades");
            } else {
                // Maker's auctions are kicked (the vault takes the position, the equity moves) but not yet taken.
                assertTrue(kept.stream().anyMatch(k -> k.contains("\"policy\":\"dutch-auction\""))
                        && kept.stream().anyMatch(k -> k.contains("\"kind\":\"auction-kick\"")), "maker-liq2's auction kicks");
            }
            assertEquals(fromFull.list(), fromLosses.list(), preset + ": the cascades rebuilt from a losses file");
            assertEquals(f.metric("max_cascade_size"), fromLosses.maxSize(), preset);
            assertEquals(f.metric("max_cascade_depth"), fromLosses.maxDepth(), preset);
            assertEquals("losses", l.eventLevel());
            assertEquals("none", Results.load(none).eventLevel());
        }
    }

    @Test
    void theReportOfARunWithoutEventsSaysWhyItHasNoCascadeTable(@TempDir Path tmp) throws Exception {
        Path none = run(tmp.resolve("none"), "hyperliquid", "none");
        assertEquals(0, Main.execute("report", none.toString()));
        String html = Files.readString(none.resolve("report.html"));
        assertTrue(html.contains("Not rebuilt: this run has no events file (event level none)"), html);
        Path losses = run(tmp.resolve("losses"), "hyperliquid", "losses");
        assertEquals(0, Main.execute("report", losses.toString()));
        html = Files.readString(losses.resolve("report.html"));
        assertTrue(html.contains("Liquidation cascades (rebuilt from events.jsonl.gz)") && html.contains("Event level losses"), html);
    }

    @Test
    void aBadLevelIsRefusedNamingTheOptionAndWritesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        assertEquals(2, Main.execute("run", "calm", "--events", "some", "--out", out.toString()));
        assertFalse(Files.exists(out));
    }

    /** EventLevel.LOSS_EVENTS restated on the JSON lines, as an independent check of the filter. */
    private static boolean isLossEvent(JsonNode e) {
        String type = e.get("type").asText();
        return switch (type) {
            case "fill" -> e.get("liquidation").asBoolean();
            case "oracle_price", "transfer" -> e.get("cause_id").asLong() != 0;
            default -> LOSS_TYPES.contains(type);
        };
    }

    private ObjectNode summary(Path run) throws IOException {
        ObjectNode s = (ObjectNode) json.readTree(run.resolve("summary.json").toFile());
        assertTrue(s.remove("wall_seconds") != null);
        return s;
    }

    private static List<String> lines(Path run) throws IOException {
        try (BufferedReader in = EventFiles.reader(EventFiles.find(run).orElseThrow());
             Stream<String> s = in.lines()) {
            return s.toList();
        }
    }
}
