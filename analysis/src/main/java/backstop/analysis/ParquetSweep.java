package backstop.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep's Parquet dataset ({@code parquet/} in a sweep folder, written by {@code backstop sweep --parquet}) read
 * through DuckDB's JDBC driver into the same shapes the CSV readers give: {@link #runs()} is runs.csv's table,
 * {@link #sweep()} a {@link SweepResults} over it, {@link #timeseries(String)} one run's timeseries.csv and
 * {@link #events(String)} its events as events.jsonl's lines. It needs {@code org.duckdb:duckdb_jdbc} on the class
 * path (an optional dependency of this module); each call opens its own in-memory connection.
 */
public final class ParquetSweep {
    private final Path sweepDir;
    private final Path folder;

    private ParquetSweep(Path sweepDir, Path folder) {
        this.sweepDir = sweepDir;
        this.folder = folder;
    }

    /** Opens the dataset of the sweep folder {@code dir} (or {@code dir} itself when it is the dataset's folder). */
    public static ParquetSweep open(Path dir) {
        Path folder = Files.isRegularFile(dir.resolve("runs.parquet")) ? dir : dir.resolve("parquet");
        if (!Files.isRegularFile(folder.resolve("runs.parquet"))) {
            throw new ResultFormatException(folder.resolve("runs.parquet") + ": file not found; was the sweep run"
                    + " with --parquet?");
        }
        return new ParquetSweep(folder.equals(dir) ? dir.getParent() : dir, folder);
    }

    /** runs.parquet as a table: runs.csv's columns and rows (numbers as Java prints them). */
    public Table runs() {
        return query("runs.parquet", null, false);
    }

    /** The sweep as {@link SweepResults} reads it, its runs table from runs.parquet. */
    public SweepResults sweep() {
        return SweepResults.of(sweepDir, runs());
    }

    /**
     * One run's rows of timeseries.parquet, with the columns that run has (the table holds the union of every run's
     * columns, null where a run has none).
     */
    public Table timeseries(String runId) {
        requireRun(runId);
        return query("timeseries.parquet", runId, true);
    }

    /** One run's events in file order, each as its events.jsonl line reads (fields it does not have left out). */
    public List<JsonNode> events(String runId) {
        requireRun(runId);
        List<JsonNode> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = select(c, "events.parquet", runId);
             ResultSet r = s.executeQuery()) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    put(node, meta.getColumnLabel(i), r.getObject(i));
                }
                out.add(node);
            }
        } catch (SQLException e) {
            throw new ResultFormatException(folder.resolve("events.parquet") + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** As Jackson reads events.jsonl: int when it fits, non-finite doubles as the strings Jackson writes. */
    private static void put(ObjectNode node, String name, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof Long l) {
            if (l == l.intValue()) {
                node.put(name, l.intValue());
            } else {
                node.put(name, l.longValue());
            }
        } else if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                node.put(name, d.doubleValue());
            } else {
                node.put(name, d.toString());
            }
        } else if (v instanceof Boolean b) {
            node.put(name, b.booleanValue());
        } else {
            node.put(name, v.toString());
        }
    }

    private void requireRun(String runId) {
        if (!runs().text("run_id").contains(runId)) {
            throw new IllegalArgumentException(folder.resolve("runs.parquet") + ": no run '" + runId + "'");
        }
    }

    /** A table of one file, or of one run's rows of it without the run_id column and its all-null columns. */
    private Table query(String file, String runId, boolean dropEmpty) {
        try (Connection c = connect(); PreparedStatement s = select(c, file, runId); ResultSet r = s.executeQuery()) {
            ResultSetMetaData meta = r.getMetaData();
            int n = meta.getColumnCount();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<String[]> rows = new ArrayList<>();
            boolean[] seen = new boolean[n];
            while (r.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    Object v = r.getObject(i + 1);
                    seen[i] |= v != null;
                    row[i] = v == null ? "" : v.toString();
                }
                rows.add(row);
            }
            if (!dropEmpty || rows.isEmpty()) {
                return new Table(folder.resolve(file).toString(), columns, rows);
            }
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (seen[i]) {
                    keep.add(i);
                }
            }
            List<String[]> kept = rows.stream().map(row -> keep.stream().map(i -> row[i]).toArray(String[]::new)).toList();
            return new Table(folder.resolve(file) + " (run " + runId + ")", keep.stream().map(columns::get).toList(), kept);
        } catch (SQLException e) {
            throw new ResultFormatException(folder.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    private PreparedStatement select(Connection c, String file, String runId) throws SQLException {
        String path = "'" + folder.resolve(file).toString().replace("'", "''") + "'";
        if (runId == null) {
            return c.prepareStatement("SELECT * FROM read_parquet(" + path + ")");
        }
        PreparedStatement s = c.prepareStatement("SELECT * EXCLUDE (run_id) FROM read_parquet(" + path
                + ") WHERE run_id = ?");
        s.setString(1, runId);
        return s;
    }

    private static Connection connect() {
        try {
            return DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException("reading a Parquet dataset needs DuckDB's JDBC driver (org.duckdb:duckdb_jdbc)"
                    + " on the class path: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ParquetSweep[" + folder + "]";
    }
}
