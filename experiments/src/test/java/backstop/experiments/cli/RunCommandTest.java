package backstop.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCommandTest {
    /** A short calm run with a small population, so the CLI tests stay fast. */
    private static final String[] SMALL = {"--set", "duration_seconds=120", "--set", "agents[1].count=60"};
    private final ObjectMapper json = new ObjectMapper();

    private static String[] args(Path out, String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("run", "calm", "--out", out.toString()));
        a.addAll(List.of(SMALL));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void runOutNeverReplacesAFileOrAFolderBackstopDidNotWrite(@TempDir Path tmp) throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "my notes");
        assertEquals(2, Main.execute(args(notes)));
        assertEquals("my notes", Files.readString(notes));
        Path mine = Files.createDirectories(tmp.resolve("mydata"));
        Files.writeString(mine.resolve("keep.csv"), "a,b");
        assertEquals(2, Main.execute(args(mine)));
        assertEquals("a,b", Files.readString(mine.resolve("keep.csv")));
        try (var files = Files.list(mine)) {
            assertEquals(1, files.count(), "nothing added to the user's folder");
        }
    }

    @Test
    void anEarlierRunFolderIsReplacedOnlyWithForce(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        assertEquals(0, Main.execute(args(out)));
        assertEquals(2, Main.execute(args(out)));
        assertTrue(Files.isRegularFile(out.resolve("summary.json")), "the earlier run is left as it was");
        assertEquals(0, Main.execute(args(out, "--force")));
    }

    @Test
    void runWritesEveryResultFileAndTheRequiredSummaryKeys(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        assertEquals(0, Main.execute(args(out, "--seed", "7")));
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        for (String key : List.of("loss_borne", "bad_debt", "uncovered_bad_debt", "insurance_fund_start", "insurance_fund_end",
                "insurance_fund_min", "insurance_drawn", "socialized_loss", "adl_count", "adl_notional",
                "liquidation_count", "partial_liquidation_count", "liquidated_notional", "max_cascade_size",
                "max_cascade_depth", "halt_count", "halted_seconds", "exogenous_drawdown", "mark_drawdown",
                "amplification", "liquidator_pnl", "market_maker_pnl", "arbitrageur_pnl", "trader_pnl",
                "protocol_fees", "accounts", "blocks", "wall_seconds")) {
            assertTrue(summary.has(key), "summary.json has " + key);
        }
        assertEquals(120, summary.get("blocks").asInt());
        JsonNode manifest = json.readTree(out.resolve("manifest.json").toFile());
        assertEquals(7, manifest.get("seed").asLong());
        assertEquals("calm", manifest.get("scenario").asText());
        assertEquals(120.0, manifest.get("scenario_config").get("duration_seconds").asDouble());
        List<String> series = Files.readAllLines(out.resolve("timeseries.csv"));
        assertTrue(series.get(0).startsWith("time,block,btc-usd_index,btc-usd_oracle,btc-usd_mark"), series.get(0));
        assertEquals(14, series.size(), "a header, one row every 10 s from block 1 (1 s … 111 s) and the last block's");
        assertTrue(series.get(13).startsWith("120.0,120.0,"), series.get(13));
        assertTrue(series.get(0).contains(",insurance_fund,bad_debt,loss_borne,"), series.get(0));
        assertTrue(Files.readAllLines(out.resolve("agents.csv")).get(0).startsWith("agent,population,class"));
        assertTrue(Files.readAllLines(out.resolve("flows.csv")).size() > 1);
        assertEquals("full", manifest.get("events").asText(), "a single run writes every event by default");
        List<String> events;
        try (var in = backstop.analysis.EventFiles.reader(out.resolve("events.jsonl.gz"))) {
            events = in.lines().toList();
        }
        for (String line : events.subList(0, 50)) {
            JsonNode e = json.readTree(line);
            assertTrue(e.has("type") && e.has("id") && e.has("cause_id") && e.has("block"), line);
        }
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(out), files.toList(), "no staging folder left beside the run");
        }
        assertEquals(0, Main.execute("report", out.toString()));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,") && html.contains("bad_debt"), "a self-contained report");
        assertTrue(html.contains("By market") && html.contains("<td>BTC-USD</td>"), "the report shows markets.csv");
        List<String> perMarket = new java.util.ArrayList<>(List.of("market"));
        backstop.analysis.SummaryMetrics.read(out).all().stream().filter(backstop.analysis.SummaryMetric::perMarket)
                .forEach(m -> perMarket.add(m.name()));
        assertEquals(String.join(",", perMarket), Files.readAllLines(out.resolve("markets.csv")).get(0),
                "markets.csv has the metrics the run declared per market");
        assertTrue(perMarket.containsAll(List.of("loss_borne", "liquidation_count", "adl_count", "halt_count")), perMarket.toString());
        assertEquals(2, Main.execute("report", tmp.resolve("missing").toString()));
    }

    @Test
    void sameSeedWritesByteIdenticalResultsApartFromTiming(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, Main.execute(args(a)));
        assertEquals(0, Main.execute(args(b)));
        for (String f : List.of("events.jsonl.gz", "timeseries.csv", "agents.csv", "flows.csv", "markets.csv")) {
            assertEquals(-1, Files.mismatch(a.resolve(f), b.resolve(f)), f);
        }
        ObjectNode sa = (ObjectNode) json.readTree(a.resolve("summary.json").toFile());
        ObjectNode sb = (ObjectNode) json.readTree(b.resolve("summary.json").toFile());
        sa.remove("wall_seconds");
        sb.remove("wall_seconds");
        assertEquals(sa, sb);
        // The manifest too, apart from the wall time and the build that wrote it.
        ObjectNode ma = (ObjectNode) json.readTree(a.resolve("manifest.json").toFile());
        ObjectNode mb = (ObjectNode) json.readTree(b.resolve("manifest.json").toFile());
        for (ObjectNode m : List.of(ma, mb)) {
            m.remove("wall_seconds");
            m.remove("build");
        }
        assertEquals(ma, mb);
    }

    @Test
    void badInputExitsTwoNamesTheProblemAndWritesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("never");
        assertEquals(2, Main.execute("run", "calm", "--seed", "abc", "--out", out.toString()));
        assertEquals(2, Main.execute("run", "calm", "--no-such-option"));
        assertTrue(stderrOf("run", "no-such-scenario", "--out", out.toString()).contains("unknown scenario 'no-such-scenario'"));
        assertTrue(stderrOf("run", "calm", "--preset", "nope", "--out", out.toString()).contains("unknown preset 'nope'"));
        assertTrue(stderrOf("run", "calm", "--set", "agents[1].cuont=5", "--out", out.toString()).contains("agents[1].cuont: no such key"));
        assertTrue(stderrOf("run", "calm", "--set", "agents[1].count=-5", "--out", out.toString()).contains("agents[1].count: must be ≥ 0, got -5"));
        assertTrue(stderrOf("run", "calm", "--set", "markets[0].initial_price=abc", "--out", out.toString()).contains("markets[0].initial_price"));
        // Ranges stated in @Doc, and checks the world's constructors make, are refused at validation, naming the key and the value.
        assertTrue(stderrOf("run", "calm", "--set", "markets[0].venue.depth=-5", "--out", out.toString())
                .contains("calm: markets[0].venue.depth: must be > 0, got -5.0"));
        assertTrue(stderrOf("run", "calm", "--set", "markets[0].process.alpha=0.2", "--out", out.toString())
                .contains("calm: markets[0].process: alpha + beta: must be < 1 (stationary), got 1.11"));
        // Every problem of the scenario and of the design at once, one line each.
        String both = stderrOf("run", "calm", "--set", "agents[1].count=-5", "--set", "oracle.sources[0].heartbeat=0",
                "--set", "design.liquidation.penalty.rate=2", "--out", out.toString());
        assertTrue(both.contains("calm: agents[1].count: must be ≥ 0, got -5"), both);
        assertTrue(both.contains("calm: oracle.sources[0].heartbeat: must be > 0, got 0.0"), both);
        assertTrue(both.contains("penalty.rate: must be in [0, 1], got 2.0"), both);
        assertEquals(3, both.strip().split("\n").length, both);
        assertTrue(stderrOf("run", "calm", "--set", "design.insurance_fnd=5", "--out", out.toString()).contains("design.insurance_fnd: no such key"));
        assertTrue(stderrOf("run", "calm", "--set", "design.insurance_fund=-5", "--out", out.toString()).contains("insurance_fund: must be in [0, 1e12], got -5.0"));
        assertFalse(Files.exists(out));
    }

    @Test
    void designKeysSetTheDesignAndTheManifestRecordsIt(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        assertEquals(0, Main.execute(args(out, "--preset", "dydx-v4", "--set", "design.insurance_fund=1234",
                "--set", "design.liquidation.penalty.rate=0.02")));
        JsonNode manifest = json.readTree(out.resolve("manifest.json").toFile());
        assertEquals("dydx-v4", manifest.get("design").asText());
        assertEquals(1234.0, manifest.get("design_config").get("insurance_fund").asDouble());
        assertEquals(0.02, manifest.get("design_config").get("liquidation").get("penalty").get("rate").asDouble());
        assertTrue(manifest.get("overrides").toString().contains("design.insurance_fund=1234"));
        assertEquals(1234.0, json.readTree(out.resolve("summary.json").toFile()).get("insurance_fund_start").asDouble());
    }

    @Test
    void theSynthetixPresetRunsOnThreeMarketsWithItsOneCapacityAndRefusesAListOfTwo(@TempDir Path tmp) throws Exception {
        // oct-2025's ALT market liquidates within 300 s: the single capacity_lots value covers it too.
        Path out = tmp.resolve("run");
        assertEquals(0, Main.execute("run", "oct-2025", "--preset", "synthetix-v3", "--set", "duration_seconds=300",
                "--out", out.toString()));
        List<String> markets = Files.readAllLines(out.resolve("markets.csv"));
        int count = List.of(markets.get(0).split(",")).indexOf("liquidation_count");
        String alt = markets.stream().filter(l -> l.startsWith("ALT-USD,")).findFirst().orElseThrow();
        assertTrue(Integer.parseInt(alt.split(",")[count]) > 0, "ALT-USD liquidated: " + alt);
        Path never = tmp.resolve("never");
        String err = stderrOf("run", "oct-2025", "--preset", "synthetix-v3", "--set",
                "design.liquidation.throttle.capacity_lots=[1, 2]", "--out", never.toString());
        assertTrue(err.contains("backstop: design 'synthetix-v3' on scenario 'oct-2025': liquidation.throttle.capacity_lots:"
                + " lists 2 values but the scenario has 3 markets"), err);
        assertFalse(Files.exists(never));
    }

    private static String stderrOf(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            assertEquals(2, Main.execute(args));
        } finally {
            System.setErr(old);
        }
        return err.toString();
    }

    @Test
    void interventionsFromAFileApplyBetweenBlocksAreListedInTheManifestAndBadOnesAreRefusedNamingTheEntry(@TempDir Path tmp)
            throws Exception {
        Path edits = Files.writeString(tmp.resolve("edits.json"), """
                [{"type": "shock", "block": 5, "asset": 0, "factor": 0.8},
                 {"type": "insurance_top_up", "block": 5, "market": 0, "micros": 2000000}]
                """);
        Path plain = tmp.resolve("plain");
        Path shocked = tmp.resolve("shocked");
        assertEquals(0, Main.execute(args(plain)));
        assertEquals(0, Main.execute(args(shocked, "--interventions", edits.toString())));
        var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(shocked.resolve("manifest.json").toFile());
        assertEquals(2, manifest.get("interventions").size());
        assertEquals("insurance_top_up", manifest.get("interventions").get(1).get("type").asText());
        assertEquals("[]", new com.fasterxml.jackson.databind.ObjectMapper().readTree(plain.resolve("manifest.json").toFile())
                .get("interventions").toString(), "a plain run says it had none");
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(shocked.resolve("events.jsonl.gz")))) {
            assertTrue(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("\"type\":\"insurance_top_up\""), "the top-up is a logged governance transaction");
        }
        assertNotEquals(Files.readString(plain.resolve("timeseries.csv")), Files.readString(shocked.resolve("timeseries.csv")));

        Path out = tmp.resolve("never");
        Path badType = Files.writeString(tmp.resolve("t.json"), "[{\"type\": \"crash\", \"block\": 1}]");
        assertTrue(stderrOf(args(out, "--interventions", badType.toString())).contains("entry 0: type 'crash' is not one of"));
        Path badFactor = Files.writeString(tmp.resolve("f.json"), "[{\"type\": \"shock\", \"block\": 1, \"asset\": 0, \"factor\": -1}]");
        assertTrue(stderrOf(args(out, "--interventions", badFactor.toString())).contains("entry 0: shock factor: must be a finite number > 0, got -1.0"));
        Path late = Files.writeString(tmp.resolve("l.json"), "[{\"type\": \"shock\", \"block\": 99999, \"asset\": 0, \"factor\": 0.9}]");
        assertTrue(stderrOf(args(out, "--interventions", late.toString())).contains("would never apply"));
        assertTrue(stderrOf(args(out, "--interventions", tmp.resolve("missing.json").toString())).contains("missing.json"));
        assertFalse(Files.exists(out), "nothing written for a bad interventions file");
    }
}
