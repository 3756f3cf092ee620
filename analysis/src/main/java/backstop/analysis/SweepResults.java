package backstop.analysis;

import backstop.analysis.stats.Estimate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A sweep folder: runs.csv with typed access by design and seed, comparison.csv and sweep.json when present,
 * and every run folder under {@code runs/<run_id>/}.
 */
public final class SweepResults {
    private static final String PARAM = "param:";

    private final Path dir;
    private final Table runs;
    private final List<String> designs;
    private final long[] seeds;
    private SummaryMetrics declared;

    private SweepResults(Path dir, Table runs) {
        this.dir = dir;
        this.runs = runs;
        for (String required : List.of("run_id", "design", "seed")) {
            if (!runs.has(required)) {
                throw new ResultFormatException(runs.source() + " line 1: missing column '" + required + "'");
            }
        }
        List<String> ds = new ArrayList<>();
        for (String d : runs.text("design")) {
            if (!ds.contains(d)) {
                ds.add(d);
            }
        }
        this.designs = List.copyOf(ds);
        double[] raw = runs.column("seed");
        TreeSet<Long> distinct = new TreeSet<>();
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != Math.rint(raw[i])) {
                throw new ResultFormatException(runs.source() + " line " + (i + 2) + ", column 'seed': not an integer: "
                        + runs.cell(i, "seed"));
            }
            distinct.add((long) raw[i]);
        }
        this.seeds = distinct.stream().mapToLong(Long::longValue).toArray();
    }

    /** A sweep whose runs table came from elsewhere than runs.csv ({@link ParquetSweep}); run folders under {@code dir}. */
    static SweepResults of(Path dir, Table runs) {
        return new SweepResults(dir, runs);
    }

    /** Reads the sweep folder {@code dir}; runs.csv must exist. */
    public static SweepResults load(Path dir) {
        Path file = dir.resolve("runs.csv");
        if (!Files.isRegularFile(file)) {
            throw new ResultFormatException(file + ": file not found; not a sweep folder");
        }
        return new SweepResults(dir, CsvFiles.read(file));
    }

    /** The metrics the sweep's runs declared (its metrics.json; empty for a sweep written before the file existed). */
    public synchronized SummaryMetrics declared() {
        if (declared == null) {
            declared = SummaryMetrics.read(dir);
        }
        return declared;
    }

    /** A metric's label with its unit, as its producer declared it ("loss borne (quote)"). */
    public String label(String metric) {
        return declared().label(metric);
    }

    /** The sweep folder. */
    public Path dir() {
        return dir;
    }

    /** runs.csv as read. */
    public Table runs() {
        return runs;
    }

    /** sweep.json (the resolved sweep spec), or a missing node when the folder has none. */
    public JsonNode spec() {
        Path file = dir.resolve("sweep.json");
        return Files.isRegularFile(file) ? JsonFiles.read(file) : MissingNode.getInstance();
    }

    /** comparison.csv, when the sweep has written it. */
    public Optional<Table> comparison() {
        return optional("comparison.csv");
    }

    /** comparison_by_point.csv (each parameter point or scenario on its own), when the sweep has more than one point. */
    public Optional<Table> comparisonByPoint() {
        return optional("comparison_by_point.csv");
    }

    private Optional<Table> optional(String name) {
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(CsvFiles.read(file)) : Optional.empty();
    }

    /** Designs in order of first appearance in runs.csv (which is sorted by run id). */
    public List<String> designs() {
        return designs;
    }

    /** The distinct seeds, ascending. */
    public long[] seeds() {
        return seeds.clone();
    }

    /** The varied parameters' paths (columns {@code param:<path>}, prefix removed), in column order. */
    public List<String> parameters() {
        List<String> out = new ArrayList<>();
        for (String c : runs.columns()) {
            if (c.startsWith(PARAM)) {
                out.add(c.substring(PARAM.length()));
            }
        }
        return out;
    }

    /** The metric columns: everything after run_id, design, seed and the parameters. */
    public List<String> metrics() {
        List<String> out = new ArrayList<>();
        for (String c : runs.columns()) {
            if (!c.startsWith(PARAM) && !c.equals("run_id") && !c.equals("design") && !c.equals("seed")) {
                out.add(c);
            }
        }
        return out;
    }

    /** Run ids of one design in seed order (ties, i.e. other parameter points, in run-id order). */
    public List<String> runIds(String design) {
        List<String> ids = runs.text("run_id");
        List<String> out = new ArrayList<>();
        for (int r : rowsOf(design)) {
            out.add(ids.get(r));
        }
        return out;
    }

    /** One metric of one design, in the order of {@link #runIds(String)}. */
    public double[] metric(String design, String name) {
        if (!runs.has(name) || !metrics().contains(name)) {
            throw new IllegalArgumentException(runs.source() + ": no metric '" + name + "'; metrics are " + metrics());
        }
        double[] column = runs.column(name);
        List<Integer> rows = rowsOf(design);
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column[rows.get(i)];
        }
        return out;
    }

    /** Mean of a metric for a design with its 95% Student-t interval over the design's runs. */
    public Estimate estimate(String design, String name) {
        return Estimate.t(metric(design, name), 0.95);
    }

    /** The run folder of one run. */
    public RunResults run(String runId) {
        if (!runs.text("run_id").contains(runId)) {
            throw new IllegalArgumentException(runs.source() + ": no run '" + runId + "'");
        }
        return RunResults.load(dir.resolve("runs").resolve(runId));
    }

    private List<Integer> rowsOf(String design) {
        if (!designs.contains(design)) {
            throw new IllegalArgumentException(runs.source() + ": no design '" + design + "'; designs are " + designs);
        }
        List<String> ds = runs.text("design");
        double[] seed = runs.column("seed");
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < ds.size(); r++) {
            if (ds.get(r).equals(design)) {
                out.add(r);
            }
        }
        // Stable: rows of one seed keep their run-id (file) order.
        out.sort(Comparator.comparingDouble(r -> seed[r]));
        return out;
    }

    @Override
    public String toString() {
        return "SweepResults[" + dir + ", " + runs.rows() + " runs]";
    }
}
