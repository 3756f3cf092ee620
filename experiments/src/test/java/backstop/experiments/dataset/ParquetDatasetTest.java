package backstop.experiments.dataset;

import backstop.analysis.ParquetSweep;
import backstop.analysis.RunResults;
import backstop.analysis.SweepResults;
import backstop.analysis.Table;
import backstop.experiments.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code backstop sweep --parquet} against its own CSV and JSONL: the dataset DuckDB writes, read back with parquet-java,
 * equals runs.csv, every timeseries.csv and every events file cell by cell, with the types the CSV and JSON imply.
 */
class ParquetDatasetTest {
    /**
     * 2 designs × 2 venue depths (integers: a BIGINT parameter column) × 2 seeds = 8 short calm runs, every event
     * kept, so every event type's columns are compared (a sweep's default level keeps what losses need: of a calm
     * minute, little but the accounts opened).
     */
    private static final String SWEEP = """
            name: t
            scenario: calm
            overrides: [duration_seconds=60, "agents[1].count=30"]
            events: full
            designs: [none, dydx-v4]
            replications: 2
            parameters: {mode: grid, grid: {"markets[0].venue.depth": [500000000, 1000000000]}}
            """;
    /** How parquet-java names the physical type and annotation of DuckDB's BIGINT and VARCHAR columns. */
    private static final String BIGINT = "INT64 INTEGER(64,true)";
    private static final String TEXT = "BINARY STRING";
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static Path sweep;
    private static Path out;

    @BeforeAll
    static void runTheSweep() throws IOException {
        sweep = tmp.resolve("s.yaml");
        Files.writeString(sweep, SWEEP);
        out = tmp.resolve("out");
        assertEquals(0, Main.execute("sweep", sweep.toString(), "--out", out.toString(), "--threads", "2", "--parquet"));
    }

    @Test
    void runsParquetIsRunsCsvWithTypedColumns() throws IOException {
        ParquetJava runs = ParquetJava.read(out.resolve("parquet/runs.parquet"));
        List<String[]> csv = csv(out.resolve("runs.csv"));
        List<String> header = Arrays.asList(csv.get(0));
        assertEquals(header, runs.columns());
        assertEquals(TEXT, runs.types().get("run_id"));
        assertEquals(TEXT, runs.types().get("design"));
        assertEquals(BIGINT, runs.types().get("seed"));
        assertEquals(BIGINT, runs.types().get("param:markets[0].venue.depth"));
        // Each metric is an integer exactly where summary.json writes one.
        JsonNode summary = JSON.readTree(out.resolve("runs").resolve(csv.get(1)[0]).resolve("summary.json").toFile());
        for (String metric : header.subList(4, header.size())) {
            assertEquals(summary.get(metric).isIntegralNumber() ? BIGINT : "DOUBLE", runs.types().get(metric), metric);
        }
        assertTrue(runs.types().containsValue(BIGINT) && runs.types().containsValue("DOUBLE"));
        assertEquals(8, runs.rows().size());
        assertEquals(csv.size() - 1, runs.rows().size());
        for (int r = 0; r < runs.rows().size(); r++) {
            assertRow(csv.get(r + 1), runs.rows().get(r), runs, "runs.csv line " + (r + 2));
        }
    }

    @Test
    void timeseriesParquetHoldsEveryRunsTimeseriesCsvInOrder() throws IOException {
        ParquetJava series = assertTimeseriesMatch(out);
        List<String[]> csv = csv(out.resolve("runs").resolve(runIds().get(0)).resolve("timeseries.csv"));
        List<String> expected = new ArrayList<>(List.of("run_id"));
        expected.addAll(Arrays.asList(csv.get(0)));
        assertEquals(expected, series.columns(), "the runs share their markets, so the columns are one run's");
        series.types().forEach((c, t) -> assertEquals(c.equals("run_id") ? TEXT : "DOUBLE", t, c));
    }

    /** Every row of every run's timeseries.csv, in run-id then file order; a column a run lacks is null in its rows. */
    private static ParquetJava assertTimeseriesMatch(Path dir) throws IOException {
        ParquetJava series = ParquetJava.read(dir.resolve("parquet/timeseries.parquet"));
        int row = 0;
        for (String id : runIds()) {
            List<String[]> csv = csv(dir.resolve("runs").resolve(id).resolve("timeseries.csv"));
            List<String> header = Arrays.asList(csv.get(0));
            assertTrue(csv.size() > 5, "a minute sampled every 10 s");
            for (int r = 1; r < csv.size(); r++, row++) {
                Object[] values = series.rows().get(row);
                assertEquals(id, values[0], "row " + row);
                for (int c = 1; c < values.length; c++) {
                    String at = id + "/timeseries.csv line " + (r + 1) + ", " + series.columns().get(c);
                    int k = header.indexOf(series.columns().get(c));
                    if (k < 0) {
                        assertNull(values[c], at);
                    } else {
                        assertEquals(Double.doubleToLongBits(Double.parseDouble(csv.get(r)[k])),
                                Double.doubleToLongBits((Double) values[c]), at);
                    }
                }
                assertTrue(series.columns().containsAll(header), id + ": every column of its timeseries.csv");
            }
        }
        assertEquals(row, series.rows().size(), "nothing but the runs' rows");
        return series;
    }

    @Test
    void eventsParquetHoldsEveryEventLineWithItsFieldsAndNullsElsewhere() throws IOException {
        assertEventsMatch(out);
    }

    /**
     * The other forms a run folder's files take: events plain (events.jsonl, older folders) or none (event level none),
     * and a time series with other columns than the rest (a scenario of other markets). `backstop merge --parquet`
     * over the same folder reads each as it is; the dataset is byte-identical whatever --threads is.
     */
    @Test
    void plainOrMissingEventFilesAndThreadCountsGiveTheSameDataset(@TempDir Path other) throws IOException {
        Path copy = other.resolve("copy");
        assertEquals(0, Main.execute("sweep", sweep.toString(), "--out", copy.toString(), "--threads", "1", "--parquet"));
        for (String f : ParquetDataset.FILES) {
            assertEquals(-1, Files.mismatch(out.resolve("parquet").resolve(f), copy.resolve("parquet").resolve(f)), f);
        }
        List<String> ids = runIds();
        // Runs write events.jsonl.gz; an older folder (or a user's own file) has it plain: decompress one run's.
        Path plain = copy.resolve("runs").resolve(ids.get(1));
        try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(plain.resolve("events.jsonl.gz")));
             OutputStream out = Files.newOutputStream(plain.resolve("events.jsonl"))) {
            in.transferTo(out);
        }
        Files.delete(plain.resolve("events.jsonl.gz"));
        Files.delete(copy.resolve("runs").resolve(ids.get(2)).resolve("events.jsonl.gz"));
        Path narrow = copy.resolve("runs").resolve(ids.get(3)).resolve("timeseries.csv");
        Files.writeString(narrow, Files.readAllLines(narrow).stream().map(l -> l.substring(0, l.lastIndexOf(',')))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
        assertEquals(0, Main.execute("merge", copy.toString(), "--parquet"));
        assertEventsMatch(copy);
        ParquetJava series = assertTimeseriesMatch(copy);
        assertTrue(series.rows().stream().filter(r -> ids.get(3).equals(r[0])).allMatch(r -> r[r.length - 1] == null),
                "the run without the last column has it null");
        ParquetJava events = ParquetJava.read(copy.resolve("parquet/events.parquet"));
        assertTrue(events.rows().stream().noneMatch(r -> ids.get(2).equals(r[0])), "a run without events has no rows");
        assertTrue(events.rows().stream().anyMatch(r -> ids.get(1).equals(r[0])), "the plain run's events are read");
    }

    @Test
    void aSweepWithoutParquetRemovesAnEarlierDatasetAndAShardRefusesTheOption(@TempDir Path other) throws IOException {
        Path copy = other.resolve("copy");
        assertEquals(0, Main.execute("sweep", sweep.toString(), "--out", copy.toString(), "--threads", "2", "--parquet"));
        Files.writeString(copy.resolve("parquet/notes.txt"), "mine");
        assertEquals(0, Main.execute("sweep", sweep.toString(), "--out", copy.toString(), "--resume"));
        for (String f : ParquetDataset.FILES) {
            assertFalse(Files.exists(copy.resolve("parquet").resolve(f)), "stale " + f + " outlived the tables");
        }
        assertEquals("mine", Files.readString(copy.resolve("parquet/notes.txt")), "a file Backstop did not write stays");
        assertEquals(2, Main.execute("sweep", sweep.toString(), "--out", other.resolve("shard").toString(),
                "--shard", "1/2", "--parquet"));
    }

    /** The analysis module's Parquet reader gives what its CSV readers give for the same sweep. */
    @Test
    void analysisReadsTheDatasetAsItReadsTheCsvFiles() throws IOException {
        ParquetSweep parquet = ParquetSweep.open(out);
        SweepResults fromCsv = SweepResults.load(out);
        SweepResults fromParquet = parquet.sweep();
        assertEquals(fromCsv.runs().columns(), fromParquet.runs().columns());
        assertEquals(fromCsv.designs(), fromParquet.designs());
        assertArrayEquals(fromCsv.seeds(), fromParquet.seeds());
        assertEquals(fromCsv.metrics(), fromParquet.metrics());
        for (String design : fromCsv.designs()) {
            assertEquals(fromCsv.runIds(design), fromParquet.runIds(design));
            for (String metric : fromCsv.metrics()) {
                assertArrayEquals(fromCsv.metric(design, metric), fromParquet.metric(design, metric), design + " " + metric);
            }
        }
        String id = runIds().get(3);
        RunResults run = RunResults.load(out.resolve("runs").resolve(id));
        Table series = parquet.timeseries(id);
        assertEquals(run.timeseries().columns(), series.columns());
        assertEquals(run.timeseries().rows(), series.rows());
        for (String c : series.columns()) {
            assertArrayEquals(run.timeseries().column(c), series.column(c), c);
        }
        List<JsonNode> lines;
        try (Stream<JsonNode> events = run.events()) {
            lines = events.toList();
        }
        assertEquals(lines, parquet.events(id));
        IllegalArgumentException none = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> parquet.timeseries("no-such-run"));
        assertTrue(none.getMessage().contains("no run 'no-such-run'"), none.getMessage());
    }

    private static void assertEventsMatch(Path dir) throws IOException {
        ParquetJava events = ParquetJava.read(dir.resolve("parquet/events.parquet"));
        assertEquals(TEXT, events.types().get("run_id"));
        assertEquals(TEXT, events.types().get("type"));
        assertEquals(BIGINT, events.types().get("cause_id"));
        assertEquals("DOUBLE", events.types().get("health_before"));
        assertEquals("BOOLEAN", events.types().get("partial"));
        Iterator<Object[]> rows = events.rows().iterator();
        int lines = 0;
        for (String id : runIds()) {
            Path run = dir.resolve("runs").resolve(id);
            Path file = Files.exists(run.resolve("events.jsonl")) ? run.resolve("events.jsonl") : run.resolve("events.jsonl.gz");
            if (!Files.exists(file)) {
                continue;
            }
            try (BufferedReader in = reader(file)) {
                String line;
                int n = 0;
                while ((line = in.readLine()) != null) {
                    n++;
                    lines++;
                    assertTrue(rows.hasNext(), id + " line " + n + ": no row left");
                    assertEvent(JSON.readTree(line), rows.next(), events, id + " events line " + n);
                }
                assertTrue(n > 100, id + ": a minute of trading has many events");
            }
        }
        assertFalse(rows.hasNext(), "rows beyond the runs' events");
        assertEquals(lines, events.rows().size());
    }

    private static void assertEvent(JsonNode line, Object[] row, ParquetJava table, String where) {
        List<String> columns = table.columns();
        assertEquals(where.substring(0, where.indexOf(' ')), row[0], where);
        for (Iterator<Map.Entry<String, JsonNode>> it = line.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            assertTrue(columns.contains(f.getKey()), where + ": key '" + f.getKey() + "' has no column in " + columns);
        }
        for (int c = 1; c < columns.size(); c++) {
            JsonNode v = line.get(columns.get(c));
            Object cell = row[c];
            String at = where + ", " + columns.get(c);
            if (v == null || v.isNull()) {
                assertNull(cell, at);
            } else if (v.isIntegralNumber()) {
                assertEquals(v.longValue(), cell, at);
            } else if (v.isNumber()) {
                assertEquals(Double.doubleToLongBits(v.doubleValue()), Double.doubleToLongBits((Double) cell), at);
            } else if (v.isBoolean()) {
                assertEquals(v.booleanValue(), cell, at);
            } else if (table.types().get(columns.get(c)).equals("DOUBLE")) {
                // Jackson writes a non-finite double as a string: "NaN", "Infinity".
                assertEquals(Double.doubleToLongBits(Double.parseDouble(v.textValue())),
                        Double.doubleToLongBits((Double) cell), at);
            } else {
                assertEquals(v.textValue(), cell, at);
            }
        }
    }

    /** One CSV row against one Parquet row: text equal, integers and doubles equal as numbers, bit for bit. */
    private static void assertRow(String[] cells, Object[] values, ParquetJava table, String where) {
        assertEquals(cells.length, values.length, where);
        for (int c = 0; c < cells.length; c++) {
            String type = table.types().get(table.columns().get(c));
            String at = where + ", column " + table.columns().get(c);
            assertNotNull(values[c], at);
            switch (type) {
                case "INT64 INTEGER(64,true)" -> assertEquals(Long.parseLong(cells[c]), values[c], at);
                case "DOUBLE" -> assertEquals(Double.doubleToLongBits(Double.parseDouble(cells[c])),
                        Double.doubleToLongBits((Double) values[c]), at + ": " + cells[c] + " vs " + values[c]);
                case "BINARY STRING" -> assertEquals(cells[c], values[c], at);
                default -> throw new AssertionError(at + ": unexpected type " + type);
            }
        }
    }

    private static List<String> runIds() throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("runs"))) {
            List<String> ids = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(8, ids.size());
            return ids;
        }
    }

    private static List<String[]> csv(Path file) throws IOException {
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(file.toFile())) {
            return it.readAll();
        }
    }

    private static BufferedReader reader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
