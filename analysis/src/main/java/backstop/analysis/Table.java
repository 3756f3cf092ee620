package backstop.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small column table read from a CSV result file: cells are kept as text and converted on access, so a
 * table may mix numeric and text columns (agents.csv) and a bad number is reported with its file, line and
 * column.
 */
public final class Table {
    private final String source;
    private final List<String> columns;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<String[]> rows;

    /** {@code source} names the file in messages; each row must have one cell per column. */
    public Table(String source, List<String> columns, List<String[]> rows) {
        this.source = source;
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            if (index.putIfAbsent(columns.get(i), i) != null) {
                throw new ResultFormatException(source + " line 1: column '" + columns.get(i) + "' appears twice");
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).length != columns.size()) {
                throw new ResultFormatException(source + " line " + (r + 2) + ": " + rows.get(r).length
                        + " fields, but the header has " + columns.size());
            }
        }
        this.rows = new ArrayList<>(rows);
    }

    /** Reads a CSV file with a header row; the messages of its errors name the file, line and column. */
    public static Table read(Path file) {
        return CsvFiles.read(file);
    }

    /** The file this table came from. */
    public String source() {
        return source;
    }

    /** Column names in file order. */
    public List<String> columns() {
        return columns;
    }

    /** Number of data rows (the header not counted). */
    public int rows() {
        return rows.size();
    }

    /** Whether the table has this column. */
    public boolean has(String column) {
        return index.containsKey(column);
    }

    /** A numeric column; empty cells are NaN, as are {@code NaN} cells. */
    public double[] column(String column) {
        int c = columnIndex(column);
        double[] out = new double[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = number(r, c);
        }
        return out;
    }

    /** A column as text. */
    public List<String> text(String column) {
        int c = columnIndex(column);
        List<String> out = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            out.add(row[c]);
        }
        return Collections.unmodifiableList(out);
    }

    /** One cell as a number. */
    public double value(int row, String column) {
        return number(row, columnIndex(column));
    }

    /** One cell as text. */
    public String cell(int row, String column) {
        return rows.get(row)[columnIndex(column)];
    }

    private int columnIndex(String column) {
        Integer c = index.get(column);
        if (c == null) {
            throw new IllegalArgumentException(source + ": no column '" + column + "'; columns are " + columns);
        }
        return c;
    }

    private double number(int r, int c) {
        String s = rows.get(r)[c].trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new ResultFormatException(source + " line " + (r + 2) + ", column '" + columns.get(c)
                    + "': not a number: '" + s + "'");
        }
    }
}
