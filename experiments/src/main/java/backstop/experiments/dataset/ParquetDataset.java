package backstop.experiments.dataset;

import backstop.experiments.results.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes a sweep's columnar dataset into {@code <sweep>/parquet/}: {@code runs.parquet} (runs.csv, typed),
 * {@code timeseries.parquet} (every run's timeseries.csv, all DOUBLE) and {@code events.parquet} (every run's
 * events, {@link EventColumns}), each with the text column {@code run_id} first and rows in run-id order, then
 * in each run's file order; zstd-compressed. One file per table rather than one per run: DuckDB
 * ({@code FROM 'parquet/timeseries.parquet'}) and pandas ({@code pd.read_parquet(...)}) read it without a glob,
 * without hive-partition inference turning run_id into a category, and with one schema even when runs differ in
 * their markets; a filter on run_id skips row groups by their statistics. DuckDB reads the run folders' CSV and
 * JSONL (gzip or not) itself and streams them to Parquet, so the build holds no run in the JVM's memory.
 */
public final class ParquetDataset {
    /** The dataset's folder inside the sweep folder. */
    public static final String FOLDER = "parquet";
    /** Its files, in the order they are written. */
    public static final List<String> FILES = List.of("runs.parquet", "timeseries.parquet", "events.parquet");
    /** A run folder's event file, compressed or not; a run at event level none has neither. */
    static final List<String> EVENT_FILES = List.of("events.jsonl.gz", "events.jsonl");
    private static final String SPILL = ".duckdb-spill";
    private static final String OPTIONS = "(FORMAT parquet, COMPRESSION zstd)";

    private ParquetDataset() {
    }

    /**
     * Builds the dataset of the sweep folder {@code dir} from its {@code runs.csv} (whose columns, in file order,
     * have the types {@code runColumns}) and the run folders {@code runs/<id>/} of {@code runIds}, each file through
     * a temporary name. Returns the dataset folder.
     */
    public static Path write(Path dir, List<String> runIds, Map<String, ColumnType> runColumns) throws IOException {
        Path folder = dir.resolve(FOLDER);
        Files.createDirectories(folder);
        List<String> sorted = runIds.stream().sorted().toList();
        List<Path> series = new ArrayList<>();
        List<Path> events = new ArrayList<>();
        for (String id : sorted) {
            Path run = dir.resolve("runs").resolve(id);
            series.add(run.resolve("timeseries.csv"));
            EVENT_FILES.stream().map(run::resolve).filter(Files::isRegularFile).findFirst().ifPresent(events::add);
        }
        Path spill = folder.resolve(SPILL);
        try (Connection db = DuckDb.open(spill)) {
            copy(db, folder.resolve("runs.parquet"), runsQuery(dir.resolve("runs.csv"), runColumns));
            copy(db, folder.resolve("timeseries.parquet"), timeseriesQuery(series));
            copy(db, folder.resolve("events.parquet"), eventsQuery(events));
        } catch (SQLException e) {
            throw new IOException("closing DuckDB: " + e.getMessage(), e);
        } finally {
            DuckDb.removeSpill(spill);
        }
        return folder;
    }

    /** Removes a dataset an earlier invocation wrote: only its own files, then the folder if nothing else is left. */
    public static void remove(Path dir) throws IOException {
        Path folder = dir.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        for (String f : FILES) {
            Files.deleteIfExists(folder.resolve(f));
            Files.deleteIfExists(AtomicFiles.temporary(folder.resolve(f)));
        }
        DuckDb.removeSpill(folder.resolve(SPILL));
        try (var left = Files.list(folder)) {
            if (left.findAny().isEmpty()) {
                Files.delete(folder);
            }
        }
    }

    private static void copy(Connection db, Path target, String query) throws IOException {
        Path tmp = AtomicFiles.temporary(target);
        Files.deleteIfExists(tmp);
        try (Statement s = db.createStatement()) {
            s.execute("COPY (" + query + ") TO " + DuckDb.literal(tmp.toString()) + " " + OPTIONS);
        } catch (SQLException e) {
            Files.deleteIfExists(tmp);
            throw new IOException(target + ": " + e.getMessage(), e);
        }
        AtomicFiles.commit(target);
    }

    /** runs.csv with the given column types (its header is skipped, and checked against them by DuckDB's count). */
    static String runsQuery(Path runsCsv, Map<String, ColumnType> columns) {
        StringJoiner struct = new StringJoiner(", ", "{", "}");
        columns.forEach((name, type) -> struct.add(DuckDb.literal(name) + ": " + DuckDb.literal(type.sql())));
        return "SELECT * FROM read_csv(" + DuckDb.literal(runsCsv.toString()) + ", header = true, auto_detect = false, "
                + csvDialect() + ", columns = " + struct + ")";
    }

    /**
     * Every run's timeseries.csv read as text and cast to DOUBLE (Java's {@code NaN}, {@code Infinity} and
     * {@code 1.0E-5} parse exactly); runs whose markets differ get the union of the columns, null where a run has none.
     * DuckDB matches columns by name only when the headers differ: that costs a sniff of every file (2.8 s against
     * 1.0 s for 1,000 runs).
     */
    static String timeseriesQuery(List<Path> files) throws IOException {
        return "SELECT " + runId("timeseries\\.csv") + " AS run_id, CAST(COLUMNS(* EXCLUDE (filename)) AS DOUBLE)"
                + " FROM read_csv(" + list(files) + ", header = true, all_varchar = true, union_by_name = "
                + !sameHeader(files) + ", filename = true, " + csvDialect() + ")";
    }

    private static boolean sameHeader(List<Path> files) throws IOException {
        java.util.Set<String> headers = new java.util.HashSet<>();
        for (Path f : files) {
            try (var in = Files.newBufferedReader(f, java.nio.charset.StandardCharsets.UTF_8)) {
                headers.add(String.valueOf(in.readLine()));
            }
        }
        return headers.size() <= 1;
    }

    /** Every run's events with the columns and types of {@link EventColumns}; an empty table when no run kept any. */
    static String eventsQuery(List<Path> files) {
        Map<String, ColumnType> columns = EventColumns.all();
        if (files.isEmpty()) {
            StringJoiner select = new StringJoiner(", ", "SELECT CAST(NULL AS VARCHAR) AS run_id, ", " LIMIT 0");
            columns.forEach((name, type) -> select.add("CAST(NULL AS " + type.sql() + ") AS " + DuckDb.identifier(name)));
            return select.toString();
        }
        StringJoiner struct = new StringJoiner(", ", "{", "}");
        columns.forEach((name, type) -> struct.add(DuckDb.literal(name) + ": " + DuckDb.literal(type.sql())));
        return "SELECT " + runId("events\\.jsonl(\\.gz)?") + " AS run_id, * EXCLUDE (filename) FROM read_json("
                + list(files) + ", format = 'newline_delimited', filename = true, columns = " + struct + ")";
    }

    /** The run id is the name of the folder holding the file. */
    private static String runId(String fileRegex) {
        return "regexp_extract(filename, " + DuckDb.literal("([^/\\\\]+)[/\\\\]" + fileRegex + "$") + ", 1)";
    }

    /** How {@link backstop.experiments.results.RunFolder#csv} writes CSV (Jackson): comma, double quotes doubled. */
    private static String csvDialect() {
        return "delim = ',', quote = '\"', escape = '\"'";
    }

    private static String list(List<Path> files) {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        files.forEach(f -> out.add(DuckDb.literal(f.toString())));
        return out.toString();
    }
}
