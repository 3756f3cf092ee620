package backstop.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCommandTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void runWritesSummaryManifestAndEventsThatParse(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        assertEquals(0, Main.execute("run", "--traders", "200", "--seed", "7", "--out", out.toString()));
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        for (String key : List.of("liquidation_count", "liquidated_notional", "bad_debt", "uncovered_bad_debt",
                "insurance_fund_start", "insurance_fund_end", "insurance_fund_min", "insurance_drawn",
                "exogenous_drawdown", "mark_drawdown", "accounts", "blocks", "wall_seconds")) {
            assertTrue(summary.has(key), "summary.json has " + key);
        }
        assertEquals(0, summary.get("ledger_total").asLong());
        assertEquals(201, summary.get("accounts").asInt());
        assertEquals(7, json.readTree(out.resolve("manifest.json").toFile()).get("seed").asLong());
        List<String> lines = Files.readAllLines(out.resolve("events.jsonl"));
        assertTrue(lines.size() > 1000);
        for (String line : lines.subList(0, 50)) {
            JsonNode e = json.readTree(line);
            assertTrue(e.has("type") && e.has("id") && e.has("cause_id") && e.has("block"), line);
        }
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".partial")), "no temporary files left");
        }
    }

    @Test
    void sameSeedWritesByteIdenticalEventsAndSummary(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, Main.execute("run", "--traders", "150", "--out", a.toString()));
        assertEquals(0, Main.execute("run", "--traders", "150", "--out", b.toString()));
        assertEquals(-1, Files.mismatch(a.resolve("events.jsonl"), b.resolve("events.jsonl")));
        JsonNode sa = json.readTree(a.resolve("summary.json").toFile());
        JsonNode sb = json.readTree(b.resolve("summary.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) sa).remove("wall_seconds");
        ((com.fasterxml.jackson.databind.node.ObjectNode) sb).remove("wall_seconds");
        assertEquals(sa, sb);
    }

    @Test
    void badArgumentsExitTwoAndWriteNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("never");
        assertEquals(2, Main.execute("run", "--traders", "-5", "--out", out.toString()));
        assertEquals(2, Main.execute("run", "--seed", "abc", "--out", out.toString()));
        assertEquals(2, Main.execute("run", "--no-such-option"));
        assertFalse(Files.exists(out));
    }
}
