package backstop.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsTest {
    @TempDir
    Path tmp;

    @Test
    void summaryKeepsFileOrderAndReadsNanStrings() throws IOException {
        RunResults run = Results.load(Fixtures.run(tmp));
        assertEquals(List.of("bad_debt", "liquidation_count", "max_cascade_size", "max_cascade_depth", "amplification",
                "wall_seconds"), List.copyOf(run.summary().keySet()));
        assertEquals(12.5, run.metric("bad_debt"));
        assertTrue(Double.isNaN(run.metric("amplification")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.metric("bad_dept"));
        assertTrue(e.getMessage().contains("'bad_dept'"), e.getMessage());
    }

    @Test
    void timeseriesAgentsFlowsAndManifest() throws IOException {
        RunResults run = Results.load(Fixtures.run(tmp));
        Table ts = run.timeseries();
        assertEquals(4, ts.rows());
        assertEquals("time", ts.columns().get(0));
        assertArrayEquals(new double[] {100, 90.3, 78, 82.2}, ts.column("eth-usd_mark"));
        assertTrue(Double.isNaN(ts.value(0, "eth-usd_spread_bps")));
        assertEquals(List.of("eth-usd"), run.markets());
        assertEquals(List.of("makers", "retail, leveraged"), run.agents().text("population"));
        assertArrayEquals(new double[] {15.5, -20.0}, run.agents().column("payoff"));
        assertEquals(List.of(new Flow("trader", "insurance-fund", 12.5), new Flow("trader", "market_maker", 40.0)),
                run.flows());
        assertEquals(7, run.manifest().path("seed").asInt());
    }

    @Test
    void eventsStreamInFileOrder() throws IOException {
        RunResults run = Results.load(Fixtures.run(tmp));
        try (Stream<JsonNode> events = run.events()) {
            assertEquals(List.of("oracle_price", "liquidation", "liquidation_settled", "oracle_price", "liquidation",
                    "liquidation_settled"), events.map(e -> e.get("type").asText()).collect(Collectors.toList()));
        }
        try (Stream<JsonNode> events = run.events()) {
            assertEquals(395000000L, events.filter(e -> e.get("id").asLong() == 6).findFirst().orElseThrow()
                    .get("notional").asLong());
        }
    }

    @Test
    void aCompressedEventsFileReadsAsThePlainOne(@TempDir Path other) throws IOException {
        List<JsonNode> plain;
        try (Stream<JsonNode> events = Results.load(Fixtures.run(tmp)).events()) {
            plain = events.toList();
        }
        RunResults gz = Results.load(Fixtures.gzipEvents(Fixtures.run(other)));
        assertEquals(other.resolve("events.jsonl.gz"), gz.eventsFile().orElseThrow());
        try (Stream<JsonNode> events = gz.events()) {
            assertEquals(plain, events.toList());
        }
        assertEquals(6, plain.size());
        assertEquals("full", gz.eventLevel(), "a manifest without an event level: the folder predates levels");
    }

    @Test
    void aRunWithoutAnEventsFileSaysSoWithItsLevel() throws IOException {
        RunResults run = Results.load(Fixtures.run(tmp));
        Files.delete(tmp.resolve("events.jsonl"));
        Fixtures.write(tmp.resolve("manifest.json"), "{\"scenario\":\"tiny\",\"events\":\"none\"}");
        assertTrue(run.eventsFile().isEmpty());
        assertEquals("none", run.eventLevel());
        ResultFormatException e = assertThrows(ResultFormatException.class, run::events);
        assertTrue(e.getMessage().endsWith("no events.jsonl.gz or events.jsonl (the run's event level is none)"),
                e.getMessage());
    }

    @Test
    void aTruncatedCompressedFileNamesItsLine() throws IOException {
        Fixtures.gzipEvents(Fixtures.run(tmp));
        Path gz = tmp.resolve("events.jsonl.gz");
        byte[] whole = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(whole, whole.length - 12));
        RunResults run = Results.load(tmp);
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> {
            try (Stream<JsonNode> events = run.events()) {
                events.count();
            }
        });
        assertTrue(e.getMessage().startsWith(gz + " line "), e.getMessage());
    }

    @Test
    void malformedEventNamesFileLineAndColumn() throws IOException {
        RunResults run = Results.load(Fixtures.run(tmp));
        Fixtures.write(tmp.resolve("events.jsonl"), """
                {"type":"oracle_price","id":1,"cause_id":0,"block":0}

                {"type":"fill","id":2,"cause_id":0,"block":0,"price":}
                """);
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> {
            try (Stream<JsonNode> events = run.events()) {
                events.count();
            }
        });
        assertTrue(e.getMessage().contains("events.jsonl line 3 column 54"), e.getMessage());
    }

    @Test
    void eventWithoutTypeIsRefusedWithItsLine() throws IOException {
        RunResults run = Results.load(Fixtures.run(tmp));
        Fixtures.write(tmp.resolve("events.jsonl"), "{\"type\":\"halt\",\"id\":1}\n{\"id\":2}\n");
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> {
            try (Stream<JsonNode> events = run.events()) {
                events.count();
            }
        });
        assertTrue(e.getMessage().contains("line 2: field 'type'"), e.getMessage());
    }

    @Test
    void malformedSummaryNamesFileLineAndColumn() throws IOException {
        Fixtures.write(tmp.resolve("summary.json"), "{\n  \"bad_debt\" : 1.0,\n  \"x\" : tru\n}\n");
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> Results.load(tmp));
        assertTrue(e.getMessage().contains("summary.json line 3 column"), e.getMessage());
    }

    @Test
    void nonNumericMetricIsRefusedByName() throws IOException {
        Fixtures.write(tmp.resolve("summary.json"), "{\"bad_debt\":\"lots\"}");
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> Results.load(tmp));
        assertTrue(e.getMessage().contains("metric 'bad_debt' must be a number, got \"lots\""), e.getMessage());
    }

    @Test
    void badCsvCellNamesLineAndColumn() throws IOException {
        RunResults run = Results.load(Fixtures.run(tmp));
        Fixtures.write(tmp.resolve("timeseries.csv"), "time,eth-usd_mark\n0,100\n300,1O0\n");
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> run.timeseries().column("eth-usd_mark"));
        assertTrue(e.getMessage().contains("timeseries.csv line 3, column 'eth-usd_mark': not a number: '1O0'"),
                e.getMessage());
    }

    @Test
    void shortCsvRowIsRefused() throws IOException {
        RunResults run = Results.load(Fixtures.run(tmp));
        Fixtures.write(tmp.resolve("flows.csv"), "from,to,amount\ntrader,fees,1\ntrader,fees\n");
        ResultFormatException e = assertThrows(ResultFormatException.class, run::flows);
        assertTrue(e.getMessage().contains("flows.csv line 3: 2 fields, but the header has 3"), e.getMessage());
    }

    @Test
    void sweepFolderIsPointedToSweepResults() throws IOException {
        Fixtures.write(tmp.resolve("runs.csv"), "run_id,design,seed\n");
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> Results.load(tmp));
        assertTrue(e.getMessage().contains("SweepResults.load"), e.getMessage());
    }

    @Test
    void readsTheSampleRunsWrittenBySimulator() {
        for (String name : List.of("calm-run", "crash-run")) {
            Path dir = Fixtures.sample(name);
            RunResults run = Results.load(dir);
            // Counted from the files' lines, not by the readers under test: summary.json has one key a line
            // between its braces, each CSV a header, events.jsonl one event a line.
            assertEquals(Fixtures.lines(dir.resolve("summary.json")) - 2, run.summary().size(), name);
            assertEquals(Fixtures.lines(dir.resolve("timeseries.csv")) - 1, run.timeseries().rows(), name);
            assertEquals(Fixtures.lines(dir.resolve("agents.csv")) - 1, run.agents().rows(), name);
            assertEquals(Fixtures.lines(dir.resolve("flows.csv")) - 1, run.flows().size(), name);
            assertEquals(Fixtures.lines(dir.resolve("markets.csv")) - 1, run.byMarket().rows(), name);
            try (Stream<JsonNode> events = run.events()) {
                assertEquals(Fixtures.lines(dir.resolve("events.jsonl.gz")), events.count(), name);
            }
            assertEquals(name.startsWith("calm") ? "calm" : "black-thursday-2020", run.manifest().get("scenario").asText());
            JsonNode config = run.manifest().get("scenario_config");
            double[] time = run.timeseries().column("time");
            double sample = config.get("sample_seconds").asDouble();
            int last = time.length - 1;
            for (int i = 1; i < last; i++) {
                assertEquals(sample, time[i] - time[i - 1], 1e-9, name + ": one row every sample_seconds");
            }
            assertEquals(config.get("duration_seconds").asDouble(), time[last], 1e-9, name + ": and one at the end");
            assertTrue(time[last] - time[last - 1] <= sample + 1e-9, name);
            assertEquals(run.metric("loss_borne"), run.timeseries().column("loss_borne")[last], 0,
                    name + ": the last row's loss_borne is the summary's");
        }
        assertEquals(List.of("btc-usd"), Results.load(Fixtures.sample("calm-run")).markets());
        assertEquals(List.of("eth-usd"), Results.load(Fixtures.sample("crash-run")).markets());
    }
}
