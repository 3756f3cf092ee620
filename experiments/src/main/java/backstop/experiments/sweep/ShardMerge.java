package backstop.experiments.sweep;

import backstop.experiments.config.ConfigException;
import backstop.experiments.results.AtomicFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the run folders that the shards of a sweep wrote into one sweep folder and, when every run that
 * {@code sweep.json} lists is complete, writes {@code runs.csv} and {@code comparison.csv} with the same code as a
 * local sweep. With runs missing it writes no table and removes any stale one, so nothing summarises a partial
 * sweep as if it were whole, unless the caller asks for a partial merge: then the tables cover the finished runs
 * (comparisons pair only the (point, seed) both designs finished) and {@code missing.txt} lists the rest.
 */
public final class ShardMerge {
    /** {@code <design>-p<point>-s<seed>}, as {@link SweepPlan} names runs; the design name may itself contain '-'. */
    private static final Pattern RUN_ID = Pattern.compile("(.+)-p(\\d+)-s(\\d+)");
    private static final Pattern SHARD_FILE = Pattern.compile("(\\d+)-of-(\\d+)\\.txt");

    private ShardMerge() {
    }

    /**
     * What a merge found: every run id of the sweep, and those without a complete run folder, both sorted; and
     * the missing ones by the shard that owns them ("K/N", in shard order; "" when the shard count is unknown).
     */
    public record Outcome(List<String> runs, List<String> missing, Map<String, List<String>> missingByShard) {
        /** True when the tables were written. */
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    /** The file a partial merge writes beside its tables: one missing run id per line. */
    public static final String MISSING_FILE = "missing.txt";

    /** Merges the sweep folder {@code dir}; bad or foreign folders are a {@link ConfigException} naming the file. */
    public static Outcome merge(Path dir) throws IOException {
        return merge(dir, false);
    }

    /**
     * Merges {@code dir}; with {@code partial}, runs still missing do not stop the tables being written from the
     * finished ones (the baseline design must have finished at least one run).
     */
    public static Outcome merge(Path dir, boolean partial) throws IOException {
        return merge(dir, partial, false);
    }

    /** {@link #merge(Path, boolean)}, and with {@code parquet} the Parquet dataset of the merged runs beside the tables. */
    public static Outcome merge(Path dir, boolean partial, boolean parquet) throws IOException {
        Path specFile = dir.resolve("sweep.json");
        if (!Files.isRegularFile(specFile)) {
            throw new ConfigException(dir + ": no sweep.json; not a sweep folder (or no shard has started yet)");
        }
        // Exact decimals, so a float parameter value prints in runs.csv exactly as the local sweep printed it.
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode spec = mapper.readTree(specFile.toFile());
        String baseline = text(spec, "baseline", specFile);
        Map<Integer, ParameterPoint> points = points(spec, specFile);
        TreeSet<String> designs = new TreeSet<>();
        for (JsonNode d : array(spec, "designs", specFile)) {
            designs.add(d.path("name").asText());
        }
        Path runs = dir.resolve("runs");
        List<String> all = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<RunRow> rows = new ArrayList<>();
        for (JsonNode idNode : array(spec, "runs", specFile)) {
            String id = idNode.asText();
            all.add(id);
            Matcher m = RUN_ID.matcher(id);
            if (!m.matches() || !designs.contains(m.group(1)) || !points.containsKey(Integer.parseInt(m.group(2)))) {
                throw new ConfigException(specFile + ": runs: '" + id + "' is not <design>-p<point>-s<seed> of this sweep");
            }
            if (!SweepRunner.complete(runs, id)) {
                missing.add(id);
            } else {
                rows.add(RunRow.read(runs, id, m.group(1), points.get(Integer.parseInt(m.group(2))),
                        Long.parseLong(m.group(3))));
            }
        }
        Outcome outcome = new Outcome(List.copyOf(all), List.copyOf(missing), byShard(dir, all, missing));
        if (!missing.isEmpty() && !partial) {
            SweepTables.removeAll(dir);
            Files.deleteIfExists(dir.resolve(MISSING_FILE));
            return outcome;
        }
        if (rows.stream().noneMatch(r -> r.design().equals(baseline))) {
            throw new ConfigException(dir + ": no run of the baseline design '" + baseline
                    + "' has finished, so there is nothing to compare against; run its shards first");
        }
        List<String> paths = List.copyOf(points.get(0).values().keySet());
        SweepTables.write(dir, rows, paths, baseline, parquet);
        if (missing.isEmpty()) {
            Files.deleteIfExists(dir.resolve(MISSING_FILE));
        } else {
            AtomicFiles.write(dir.resolve(MISSING_FILE),
                    (String.join("\n", missing) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return outcome;
    }

    /**
     * The missing runs grouped by the shard that owns them. The shard count N comes from the run lists the shards
     * wrote ({@code shards/K-of-N.txt}); the assignment itself is recomputed from the sweep's run list, so a shard
     * that never started is named too. Without a list, or with lists of different N, runs are under "".
     */
    private static Map<String, List<String>> byShard(Path dir, List<String> all, List<String> missing) throws IOException {
        TreeSet<Integer> counts = new TreeSet<>();
        Path folder = dir.resolve(SweepRunner.SHARDS);
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Matcher m = SHARD_FILE.matcher(f.getFileName().toString());
                    if (m.matches()) {
                        counts.add(Integer.parseInt(m.group(2)));
                    }
                }
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (missing.isEmpty()) {
            return out;
        }
        if (counts.size() != 1) {
            out.put("", missing);
            return out;
        }
        int n = counts.first();
        for (int k = 1; k <= n; k++) {
            Shard shard = new Shard(k, n);
            List<String> ids = new ArrayList<>();
            for (int position = 0; position < all.size(); position++) {
                if (shard.owns(position) && missing.contains(all.get(position))) {
                    ids.add(all.get(position));
                }
            }
            if (!ids.isEmpty()) {
                out.put(shard.toString(), List.copyOf(ids));
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static Map<Integer, ParameterPoint> points(JsonNode spec, Path file) {
        Map<Integer, ParameterPoint> points = new LinkedHashMap<>();
        for (JsonNode p : array(spec, "points", file)) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            p.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
            points.put(p.path("index").asInt(), new ParameterPoint(p.path("index").asInt(), values));
        }
        if (!points.containsKey(0)) {
            throw new ConfigException(file + ": points: has no point 0");
        }
        return points;
    }

    private static JsonNode array(JsonNode spec, String field, Path file) {
        JsonNode v = spec.get(field);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new ConfigException(file + ": " + field + ": must be a non-empty list, got " + v);
        }
        return v;
    }

    private static String text(JsonNode spec, String field, Path file) {
        JsonNode v = spec.get(field);
        if (v == null || !v.isTextual()) {
            throw new ConfigException(file + ": " + field + ": must be a name, got " + v);
        }
        return v.asText();
    }
}
