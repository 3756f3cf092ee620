package backstop.experiments.study;

import backstop.analysis.Results;
import backstop.analysis.RunResults;
import backstop.analysis.stats.Estimate;
import backstop.analysis.study.ReproductionRow;
import backstop.experiments.config.ConfigException;
import backstop.experiments.sweep.ParameterPoint;
import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a study's reproduction table from its sweeps' run folders ({@code sweeps/<id>/runs/<run_id>/}, an agent
 * world's or a replay's, read alike through {@link Results#load}): each
 * figure's per-seed values (a summary metric or a measure, a ratio, a slope), their mean and 95% t interval over
 * seeds (Commons Math, {@link Estimate}), and whether the mean is inside the band. A run whose value is NaN (undefined
 * there, as keeper participation with nothing to call) is left out; {@code samples} counts the rest.
 */
public final class Reproduction {
    /** The confidence of every interval. */
    public static final double CONFIDENCE = 0.95;

    private final StudyPlan plan;
    private final Path folder;
    private final Map<String, RunResults> loaded = new HashMap<>();
    private final Map<List<Object>, Double> values = new HashMap<>();

    /** {@code folder} holds the study's {@code sweeps/<id>/} folders. */
    public Reproduction(StudyPlan plan, Path folder) {
        this.plan = plan;
        this.folder = folder;
    }

    /** Every figure's row, in the study's order. */
    public List<ReproductionRow> rows() {
        List<ReproductionRow> rows = new ArrayList<>();
        for (StudyPlan.FigurePlan f : plan.figures()) {
            rows.add(row(f));
        }
        return rows;
    }

    private ReproductionRow row(StudyPlan.FigurePlan f) {
        String published = ParameterPoint.text(f.published().value());
        if (f.simulated() instanceof Quantity.Ranking r) {
            Map<String, Double> means = new LinkedHashMap<>();
            int n = Integer.MAX_VALUE;
            for (int i = 0; i < r.names().size(); i++) {
                double[] xs = finite(bySeed(r.operands().get(i)).values());
                means.put(r.names().get(i), Estimate.t(xs, CONFIDENCE).mean());
                n = Math.min(n, xs.length);
            }
            List<String> order = new ArrayList<>(means.keySet());
            order.sort(Comparator.comparingDouble(means::get));
            StringBuilder text = new StringBuilder();
            for (String d : order) {
                text.append(text.length() == 0 ? "" : " < ").append(d).append(" (").append(Band.num(means.get(d))).append(')');
            }
            boolean inside = ((Band.Ranking) f.band()).insideRanking(means);
            return new ReproductionRow(f.id(), f.quantity(), published, f.published().unit(), f.published().source(),
                    text.toString(), Double.NaN, Double.NaN, n, f.band().text(), inside, f.asserted());
        }
        double[] xs = finite(perSeed(f.simulated()).values());
        Estimate e = Estimate.t(xs, CONFIDENCE);
        return new ReproductionRow(f.id(), f.quantity(), published, f.published().unit(), f.published().source(),
                Band.num(e.mean()), e.ciLow(), e.ciHigh(), e.n(), f.band().text(), f.band().inside(e.mean()), f.asserted());
    }

    /** Seed → value of a value, ratio or slope quantity. */
    private Map<Long, Double> perSeed(Quantity q) {
        if (q instanceof Quantity.Value v) {
            return bySeed(v.operand());
        }
        if (q instanceof Quantity.Ratio r) {
            Map<Long, Double> num = bySeed(r.numerator());
            Map<Long, Double> den = bySeed(r.denominator());
            Map<Long, Double> out = new TreeMap<>();
            num.forEach((seed, a) -> out.put(seed, a / den.get(seed)));
            return out;
        }
        if (q instanceof Quantity.Slope s) {
            return slopes(s);
        }
        throw new IllegalArgumentException("a ranking has no per-seed value");
    }

    private Map<Long, Double> slopes(Quantity.Slope s) {
        StudySweep sweep = plan.sweeps().get(s.operand().sweep());
        Map<Long, SimpleRegression> fits = new TreeMap<>();
        for (StudySweep.Run r : runs(sweep, s.operand())) {
            double x = r.point().values().get(s.axis()).doubleValue();
            double y = value(s.operand(), r);
            if (Double.isFinite(y)) {
                fits.computeIfAbsent(r.seed(), k -> new SimpleRegression()).addData(x, y);
            }
        }
        Map<Long, Double> out = new TreeMap<>();
        fits.forEach((seed, fit) -> out.put(seed, fit.getN() >= 2 ? fit.getSlope() : Double.NaN));
        return out;
    }

    /** Seed → the operand's value (the operand selects one point). */
    private Map<Long, Double> bySeed(Quantity.Operand o) {
        Map<Long, Double> out = new TreeMap<>();
        for (StudySweep.Run r : runs(plan.sweeps().get(o.sweep()), o)) {
            out.put(r.seed(), value(o, r));
        }
        return out;
    }

    private static List<StudySweep.Run> runs(StudySweep sweep, Quantity.Operand o) {
        List<ParameterPoint> points = StudyPlan.points(sweep, o);
        return sweep.runs().stream().filter(r -> r.design().equals(o.design()) && points.contains(r.point()))
                .toList();
    }

    private double value(Quantity.Operand o, StudySweep.Run r) {
        List<Object> key = List.of(o.sweep(), r.id(), java.util.Objects.requireNonNullElse(o.measure(), o.label()));
        Double cached = values.get(key);
        if (cached != null) {
            return cached;
        }
        RunResults run = loaded.computeIfAbsent(o.sweep() + "/" + r.id(),
                k -> Results.load(folder.resolve("sweeps").resolve(o.sweep()).resolve("runs").resolve(r.id())));
        double v;
        if (o.measure() != null) {
            v = o.measure().value(run);
        } else {
            if (!run.summary().containsKey(o.label())) {
                throw new ConfigException("study " + plan.name() + ": no summary metric '" + o.label() + "' (sweep "
                        + o.sweep() + "; metrics: " + String.join(", ", run.summary().keySet()) + ")");
            }
            v = run.metric(o.label());
        }
        values.put(key, v);
        return v;
    }

    private static double[] finite(java.util.Collection<Double> xs) {
        return xs.stream().filter(x -> !Double.isNaN(x)).mapToDouble(Double::doubleValue).toArray();
    }

    /** The ids of the rows outside their band among those this version asserts. */
    public static List<String> outside(List<ReproductionRow> rows) {
        return rows.stream().filter(r -> r.asserted() && !r.inside()).map(ReproductionRow::figure).toList();
    }
}
