package backstop.experiments.sweep;

import backstop.analysis.stats.Estimate;
import backstop.analysis.stats.PairedComparison;
import backstop.experiments.dataset.ColumnType;
import backstop.experiments.dataset.ParquetDataset;
import backstop.experiments.results.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import backstop.experiments.results.RunFolder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sweep's tables (DESIGN.md §7): {@code runs.csv}, one row per run, and {@code comparison.csv}, per design
 * and metric the mean with a 95% t interval and the difference from the baseline paired on (parameter point,
 * seed); with more than one point also {@code comparison_by_point.csv}, the same for each point on its own. All
 * depend only on the rows, never on the order runs finished in.
 */
public final class SweepTables {
    /** The confidence of every interval in comparison.csv. */
    public static final double CONFIDENCE = 0.95;
    static final List<String> COMPARISON_HEADER = List.of("design", "metric", "n", "mean", "ci_low", "ci_high",
            "baseline", "mean_difference", "difference_ci_low", "difference_ci_high", "share_lower", "share_higher");

    private SweepTables() {
    }

    /**
     * Writes {@code runs.csv} and {@code comparison.csv} into the sweep folder {@code dir}, each atomically; the one
     * place both a local sweep and a merge of shards build them, so the two give the same bytes. With {@code parquet}
     * also the Parquet dataset ({@link ParquetDataset}) of the same runs; without, an earlier one is removed.
     */
    public static void write(Path dir, List<RunRow> rows, List<String> paramPaths, String baseline, boolean parquet)
            throws IOException {
        AtomicFiles.write(dir.resolve("runs.csv"), runs(rows, paramPaths));
        AtomicFiles.write(dir.resolve("comparison.csv"), comparison(rows, baseline));
        // Every run has the same metrics (runs() checks), so the first run's declarations describe the sweep's.
        Path declared = rows.isEmpty() ? null : dir.resolve("runs").resolve(rows.get(0).runId()).resolve(RunFolder.METRICS_FILE);
        if (declared != null && java.nio.file.Files.isRegularFile(declared)) {
            AtomicFiles.write(dir.resolve(RunFolder.METRICS_FILE), java.nio.file.Files.readAllBytes(declared));
        }
        if (rows.stream().mapToInt(r -> r.point().index()).distinct().count() > 1) {
            AtomicFiles.write(dir.resolve(BY_POINT), comparisonByPoint(rows, paramPaths, baseline));
        } else {
            java.nio.file.Files.deleteIfExists(dir.resolve(BY_POINT));
        }
        if (parquet) {
            ParquetDataset.write(dir, rows.stream().map(RunRow::runId).toList(), runColumns(rows, paramPaths));
        } else {
            ParquetDataset.remove(dir);
        }
    }

    /** {@link #write(Path, List, List, String, boolean)} without the Parquet dataset. */
    public static void write(Path dir, List<RunRow> rows, List<String> paramPaths, String baseline) throws IOException {
        write(dir, rows, paramPaths, baseline, false);
    }

    /** Removes every table and the Parquet dataset an earlier invocation wrote into {@code dir}. */
    public static void removeAll(Path dir) throws IOException {
        for (String table : TABLES) {
            java.nio.file.Files.deleteIfExists(dir.resolve(table));
        }
        ParquetDataset.remove(dir);
    }

    /**
     * The types of runs.csv's columns, in its order: run_id and design text, seed an integer, each parameter as its
     * values in the sweep file are (integers, reals, booleans or text; mixed integers and reals are reals), each
     * metric as summary.json writes it (integral for counts, real otherwise).
     */
    public static Map<String, ColumnType> runColumns(List<RunRow> rows, List<String> paramPaths) {
        List<RunRow> sorted = sorted(rows);
        Map<String, ColumnType> out = new LinkedHashMap<>();
        out.put("run_id", ColumnType.TEXT);
        out.put("design", ColumnType.TEXT);
        out.put("seed", ColumnType.INTEGER);
        for (String p : paramPaths) {
            for (RunRow r : sorted) {
                out.merge("param:" + p, typeOf(r.point().values().get(p)), ColumnType::widen);
            }
        }
        for (String m : metricNames(sorted)) {
            for (RunRow r : sorted) {
                out.merge(m, typeOf(r.metrics().get(m)), ColumnType::widen);
            }
        }
        return out;
    }

    private static ColumnType typeOf(JsonNode v) {
        if (v != null && v.isIntegralNumber()) {
            return ColumnType.INTEGER;
        }
        if (v != null && v.isNumber()) {
            return ColumnType.REAL;
        }
        return v != null && v.isBoolean() ? ColumnType.BOOLEAN : ColumnType.TEXT;
    }

    private static ColumnType typeOf(Number v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof java.math.BigInteger ? ColumnType.INTEGER : ColumnType.REAL;
    }

    /** The per-point comparison's file name. */
    public static final String BY_POINT = "comparison_by_point.csv";

    /** Every table a sweep folder may hold, for removing stale ones. */
    public static final List<String> TABLES = List.of("runs.csv", "comparison.csv", BY_POINT);

    /**
     * {@code point,param:<path>…} followed by comparison.csv's columns, for each parameter point on its own (the
     * baseline paired on the seeds of that point); points where the baseline has no finished run are left out.
     */
    public static byte[] comparisonByPoint(List<RunRow> rows, List<String> paramPaths, String baseline) throws IOException {
        List<String> header = new ArrayList<>(List.of("point"));
        paramPaths.forEach(p -> header.add("param:" + p));
        header.addAll(COMPARISON_HEADER);
        TreeMap<Integer, List<RunRow>> byPoint = new TreeMap<>();
        for (RunRow r : sorted(rows)) {
            byPoint.computeIfAbsent(r.point().index(), k -> new ArrayList<>()).add(r);
        }
        List<List<Object>> out = new ArrayList<>();
        for (Map.Entry<Integer, List<RunRow>> e : byPoint.entrySet()) {
            if (e.getValue().stream().noneMatch(r -> r.design().equals(baseline))) {
                continue;
            }
            ParameterPoint point = e.getValue().get(0).point();
            for (List<Object> row : comparisonRows(e.getValue(), baseline)) {
                List<Object> full = new ArrayList<>(List.of(e.getKey()));
                paramPaths.forEach(p -> full.add(ParameterPoint.text(point.values().get(p))));
                full.addAll(row);
                out.add(full);
            }
        }
        return RunFolder.csv(header, out);
    }

    /** {@code run_id,design,seed,param:<path>…,<metrics>}, rows sorted by run id. */
    public static byte[] runs(List<RunRow> rows, List<String> paramPaths) throws IOException {
        List<RunRow> sorted = sorted(rows);
        List<String> metrics = metricNames(sorted);
        List<String> header = new ArrayList<>(List.of("run_id", "design", "seed"));
        paramPaths.forEach(p -> header.add("param:" + p));
        header.addAll(metrics);
        List<List<Object>> out = new ArrayList<>();
        for (RunRow r : sorted) {
            List<Object> row = new ArrayList<>(List.of(r.runId(), r.design(), r.seed()));
            paramPaths.forEach(p -> row.add(ParameterPoint.text(r.point().values().get(p))));
            metrics.forEach(m -> row.add(r.metrics().get(m)));
            out.add(row);
        }
        return RunFolder.csv(header, out);
    }

    /**
     * One row per design × metric, sorted by design then metric name; the difference columns are empty for the
     * baseline, and a value that is undefined (an interval from fewer than two runs) is left empty.
     */
    public static byte[] comparison(List<RunRow> rows, String baseline) throws IOException {
        return RunFolder.csv(COMPARISON_HEADER, comparisonRows(rows, baseline));
    }

    private static List<List<Object>> comparisonRows(List<RunRow> rows, String baseline) {
        List<RunRow> sorted = sorted(rows);
        List<String> metrics = new ArrayList<>(new TreeSet<>(metricNames(sorted)));
        Map<String, TreeMap<Pair, RunRow>> byDesign = new TreeMap<>();
        for (RunRow r : sorted) {
            byDesign.computeIfAbsent(r.design(), d -> new TreeMap<>()).put(new Pair(r.point().index(), r.seed()), r);
        }
        TreeMap<Pair, RunRow> base = byDesign.get(baseline);
        if (base == null) {
            throw new IllegalArgumentException("no runs of the baseline design '" + baseline + "'");
        }
        List<List<Object>> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Pair, RunRow>> d : byDesign.entrySet()) {
            for (String metric : metrics) {
                double[] xs = d.getValue().values().stream().mapToDouble(r -> r.metric(metric)).toArray();
                Estimate e = Estimate.t(xs, CONFIDENCE);
                List<Object> row = new ArrayList<>(List.of(d.getKey(), metric, e.n(), cell(e.mean()), cell(e.ciLow()),
                        cell(e.ciHigh()), baseline));
                if (d.getKey().equals(baseline)) {
                    row.addAll(List.of("", "", "", "", ""));
                } else {
                    // Pair on the (point, seed) both designs ran: the same random numbers and the same world.
                    List<Pair> common = d.getValue().keySet().stream().filter(base::containsKey).toList();
                    double[] mine = common.stream().mapToDouble(k -> d.getValue().get(k).metric(metric)).toArray();
                    double[] theirs = common.stream().mapToDouble(k -> base.get(k).metric(metric)).toArray();
                    PairedComparison c = PairedComparison.of(mine, theirs, CONFIDENCE);
                    row.addAll(List.of(cell(c.meanDifference()), cell(c.ciLow()), cell(c.ciHigh()), cell(c.shareLower()),
                            cell(c.shareHigher())));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static Object cell(double v) {
        return Double.isNaN(v) ? "" : v;
    }

    private static List<RunRow> sorted(List<RunRow> rows) {
        return rows.stream().sorted(Comparator.comparing(RunRow::runId)).toList();
    }

    /** The metric names of the runs, in summary order; every run must have the same ones. */
    private static List<String> metricNames(List<RunRow> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no runs to tabulate");
        }
        List<String> names = List.copyOf(rows.get(0).metrics().keySet());
        for (RunRow r : rows) {
            if (!r.metrics().keySet().equals(new java.util.LinkedHashSet<>(names))) {
                throw new IllegalStateException("run " + r.runId() + " has metrics " + r.metrics().keySet()
                        + " but run " + rows.get(0).runId() + " has " + names);
            }
        }
        return names;
    }

    /** A run's place in the design: its parameter point and seed. */
    private record Pair(int point, long seed) implements Comparable<Pair> {
        @Override
        public int compareTo(Pair o) {
            return point != o.point ? Integer.compare(point, o.point) : Long.compare(seed, o.seed);
        }
    }
}
