package backstop.experiments.dataset;

/** The column types of the dataset, as the Parquet files (through DuckDB) store them. */
public enum ColumnType {
    /** UTF-8 text. */
    TEXT("VARCHAR"),
    /** A 64-bit integer: counts, ids, seeds, integral JSON numbers. */
    INTEGER("BIGINT"),
    /** A 64-bit float. */
    REAL("DOUBLE"),
    /** true or false. */
    BOOLEAN("BOOLEAN");

    private final String sql;

    ColumnType(String sql) {
        this.sql = sql;
    }

    /** DuckDB's name for the type. */
    public String sql() {
        return sql;
    }

    /**
     * The type that holds values of both: itself when equal, REAL for an integer and a real (every integer the
     * dataset holds is far below 2^53), TEXT otherwise.
     */
    public ColumnType widen(ColumnType other) {
        if (this == other) {
            return this;
        }
        if ((this == INTEGER && other == REAL) || (this == REAL && other == INTEGER)) {
            return REAL;
        }
        return TEXT;
    }
}
