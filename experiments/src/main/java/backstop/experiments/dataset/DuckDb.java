package backstop.experiments.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An in-memory DuckDB connection for building the dataset: bounded memory (spilling, if ever, to a folder it is
 * given), and no extension downloads (JSON and Parquet are built into the JDBC driver).
 */
final class DuckDb {
    /**
     * DuckDB's own cap on what one build may hold in memory; it spills to the temporary folder beyond it. One thread:
     * on this 2-core machine two threads made the build of a 1,000-run dataset slower, not faster (6.5 s against 2.8 s
     * for the time series alone) and tripled its memory (450 MB against 140 MB), since each thread buffers every file
     * it has open; and the bytes of one thread's output depend on nothing but its input.
     */
    static final String MEMORY_LIMIT = "256MB";
    static final int THREADS = 1;

    private DuckDb() {
    }

    /** A new connection spilling to {@code spill} (created by DuckDB only if it needs it). */
    static Connection open(Path spill) throws IOException {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                s.execute("SET memory_limit = " + literal(MEMORY_LIMIT));
                s.execute("SET threads = " + THREADS);
                s.execute("SET temp_directory = " + literal(spill.toString()));
                s.execute("SET autoinstall_known_extensions = false");
                s.execute("SET autoload_known_extensions = false");
                // Rows leave in the order the files are listed and their lines run: by run id, then as written.
                s.execute("SET preserve_insertion_order = true");
            }
            return c;
        } catch (SQLException e) {
            throw new IOException("DuckDB (org.duckdb:duckdb_jdbc) could not start: " + e.getMessage(), e);
        }
    }

    /** A SQL string literal. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** A SQL identifier, quoted (column names such as {@code param:design.insurance_fund} or {@code btc-usd_mark}). */
    static String identifier(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** Removes the spill folder if DuckDB left one. */
    static void removeSpill(Path spill) throws IOException {
        if (Files.isDirectory(spill)) {
            try (var files = Files.list(spill)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(spill);
        }
    }
}
