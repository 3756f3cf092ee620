package backstop.experiments.sweep;

import backstop.experiments.config.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Expands a sweep's {@code parameters} into points: the Cartesian product of a grid (the last path varying
 * fastest), or {@code samples} points drawn uniformly ({@code random}) or one per stratum of every dimension
 * ({@code latin-hypercube}) from a {@link SplittableRandom} seeded by {@code parameter_seed}. A range whose
 * bounds are both integers yields integers in {@code [min, max]}; otherwise reals in {@code [min, max)}.
 */
final class ParameterSpace {
    private ParameterSpace() {
    }

    /** The points of {@code p} (a single empty point when nothing varies); {@code origin} names the file in errors. */
    static List<ParameterPoint> expand(SweepSpec.Parameters p, String origin) {
        if (p == null) {
            return List.of(new ParameterPoint(0, Map.of()));
        }
        return p.mode() == SweepSpec.Mode.GRID ? grid(p, origin) : sampled(p, origin);
    }

    private static List<ParameterPoint> grid(SweepSpec.Parameters p, String origin) {
        if (p.ranges() != null || p.samples() != null) {
            throw new ConfigException(origin + ": parameters: mode grid takes `grid:`; `ranges:` and `samples:` need"
                    + " mode random or latin-hypercube");
        }
        if (p.grid() == null || p.grid().isEmpty()) {
            throw new ConfigException(origin + ": parameters.grid: must list at least one path with its values");
        }
        List<String> paths = new ArrayList<>(p.grid().keySet());
        for (String path : paths) {
            List<JsonNode> values = p.grid().get(path);
            if (values == null || values.isEmpty()) {
                throw new ConfigException(origin + ": parameters.grid." + path + ": must list at least one value");
            }
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == null || values.get(i).isNull()) {
                    throw new ConfigException(origin + ": parameters.grid." + path + "[" + i + "]: must not be empty");
                }
            }
        }
        List<ParameterPoint> points = new ArrayList<>();
        int[] at = new int[paths.size()];
        while (true) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            for (int d = 0; d < paths.size(); d++) {
                values.put(paths.get(d), p.grid().get(paths.get(d)).get(at[d]));
            }
            points.add(new ParameterPoint(points.size(), values));
            int d = paths.size() - 1;
            while (d >= 0 && ++at[d] == p.grid().get(paths.get(d)).size()) {
                at[d--] = 0;
            }
            if (d < 0) {
                return points;
            }
        }
    }

    private static List<ParameterPoint> sampled(SweepSpec.Parameters p, String origin) {
        String mode = p.mode() == SweepSpec.Mode.RANDOM ? "random" : "latin-hypercube";
        if (p.grid() != null) {
            throw new ConfigException(origin + ": parameters: mode " + mode + " takes `ranges:`, not `grid:`");
        }
        if (p.ranges() == null || p.ranges().isEmpty()) {
            throw new ConfigException(origin + ": parameters.ranges: must give at least one path as [min, max]");
        }
        if (p.samples() == null || p.samples() < 1) {
            throw new ConfigException(origin + ": parameters.samples: must be ≥ 1, got " + p.samples());
        }
        List<Range> ranges = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> e : p.ranges().entrySet()) {
            ranges.add(Range.of(e.getKey(), e.getValue(), origin));
        }
        int n = p.samples();
        SplittableRandom rnd = new SplittableRandom(p.parameterSeed());
        // unit[d][i]: point i's position in [0, 1) along dimension d, drawn dimension by dimension.
        double[][] unit = new double[ranges.size()][n];
        for (int d = 0; d < ranges.size(); d++) {
            if (p.mode() == SweepSpec.Mode.RANDOM) {
                for (int i = 0; i < n; i++) {
                    unit[d][i] = rnd.nextDouble();
                }
            } else {
                int[] stratum = permutation(n, rnd);
                for (int i = 0; i < n; i++) {
                    unit[d][i] = (stratum[i] + rnd.nextDouble()) / n;
                }
            }
        }
        List<ParameterPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            for (int d = 0; d < ranges.size(); d++) {
                values.put(ranges.get(d).path(), ranges.get(d).at(unit[d][i]));
            }
            points.add(new ParameterPoint(i, values));
        }
        return points;
    }

    /** A uniformly random permutation of 0..n−1 (Fisher–Yates). */
    private static int[] permutation(int n, SplittableRandom rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** One dimension: {@code [min, max]}, integral when both bounds are integers. */
    private record Range(String path, double min, double max, boolean integral) {
        static Range of(String path, List<JsonNode> bounds, String origin) {
            String where = origin + ": parameters.ranges." + path;
            if (path.equals(ParameterPoint.SCENARIO)) {
                throw new ConfigException(where + ": scenarios are listed, not sampled: put them in a grid");
            }
            if (bounds == null || bounds.size() != 2 || bounds.stream().anyMatch(b -> b == null || !b.isNumber())) {
                throw new ConfigException(where + ": must be [min, max] (two numbers), got " + bounds);
            }
            double min = bounds.get(0).asDouble();
            double max = bounds.get(1).asDouble();
            if (!(min < max) || Double.isInfinite(min) || Double.isInfinite(max)) {
                throw new ConfigException(where + ": min must be below max, got [" + ParameterPoint.text(bounds.get(0))
                        + ", " + ParameterPoint.text(bounds.get(1)) + "]");
            }
            return new Range(path, min, max, bounds.get(0).isIntegralNumber() && bounds.get(1).isIntegralNumber());
        }

        JsonNode at(double u) {
            if (integral) {
                // Each of the max − min + 1 integers gets an equal share of [0, 1).
                return LongNode.valueOf(Math.min((long) max, (long) min + (long) Math.floor(u * (max - min + 1))));
            }
            return DoubleNode.valueOf(min + u * (max - min));
        }
    }
}
