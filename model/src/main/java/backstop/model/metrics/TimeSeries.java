package backstop.model.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Sampled metrics: named columns of doubles, one row per sample (what {@code timeseries.csv} holds). */
public final class TimeSeries {
    private final List<String> columns;
    private final List<double[]> rows = new ArrayList<>();

    public TimeSeries(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public void add(double[] row) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException("row has " + row.length + " values for " + columns.size() + " columns");
        }
        rows.add(row.clone());
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return rows.size();
    }

    public double[] row(int i) {
        return rows.get(i).clone();
    }

    /** One column's values in sample order. */
    public double[] column(String name) {
        int c = columns.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; columns: " + columns);
        }
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }

    /** All rows, unmodifiable. */
    public List<double[]> rows() {
        return Collections.unmodifiableList(rows);
    }

    @Override
    public String toString() {
        return "TimeSeries" + columns + " × " + rows.size() + (rows.isEmpty() ? "" : ", last " + Arrays.toString(rows.get(rows.size() - 1)));
    }
}
