package backstop.experiments.game;

import backstop.analysis.game.Candidate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One design's outcomes side by side (issue 13, "design comparison at equilibrium"): the scenario's own behaviour
 * (its populations as it draws them, on the game's seeds), each equilibrium played, and the best and the worst
 * profile the game simulated, every summary metric averaged over seeds; and the price of anarchy on {@code loss_borne}
 * — the loss the design bears at its worst equilibrium against the least it bears in any simulated profile.
 *
 * @param rows         the outcomes: {@code outcome} (scenario default, equilibrium k, best or worst sampled profile),
 *                     {@code profile} (the mixture or profile), {@code regret} (NaN but for equilibria), then the metrics
 * @param best         the simulated full profile whose mean {@code loss_borne} is least
 * @param bestLoss     its mean {@code loss_borne}
 * @param worstEquilibrium the largest expected {@code loss_borne} of an equilibrium (NaN with none)
 * @param bestEquilibrium  the least (NaN with none)
 * @param defaultLoss  the mean {@code loss_borne} under the scenario's own behaviour
 */
public record DesignComparison(String design, List<Map<String, Object>> rows, String best, double bestLoss,
                               double worstEquilibrium, double bestEquilibrium, double defaultLoss, int equilibria) {
    /** The metric the price of anarchy is measured on: the loss others bear. */
    public static final String LOSS = "loss_borne";

    /** The price of anarchy: worst equilibrium's loss ÷ the best sampled profile's (∞ when that is 0, NaN with no equilibrium). */
    public double priceOfAnarchy() {
        return worstEquilibrium / bestLoss;
    }

    /** What the worst equilibrium bears beyond the best sampled profile, quote units. */
    public double anarchyCost() {
        return worstEquilibrium - bestLoss;
    }

    /** The comparison of {@code game}: its default runs, equilibria's outcomes and simulated profiles. */
    static DesignComparison of(GameStudy.DesignGame game, List<ProfileRun> defaults) {
        List<String> metrics = game.runs().isEmpty() ? List.of() : List.copyOf(game.runs().get(0).summary().keySet());
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("scenario default", "the scenario's populations", Double.NaN, mean(defaults, metrics)));
        List<Candidate> eqs = game.equilibria();
        double worst = Double.NaN;
        double bestEq = Double.NaN;
        for (int i = 0; i < eqs.size(); i++) {
            Map<String, Object> o = game.outcomes().get(i);
            Map<String, Double> values = new LinkedHashMap<>();
            metrics.forEach(m -> values.put(m, ((Number) o.get(m)).doubleValue()));
            rows.add(row("equilibrium " + o.get("equilibrium"), eqs.get(i).mixture().text(), eqs.get(i).regret().value(), values));
            double loss = values.getOrDefault(LOSS, Double.NaN);
            worst = Double.isNaN(worst) ? loss : Math.max(worst, loss);
            bestEq = Double.isNaN(bestEq) ? loss : Math.min(bestEq, loss);
        }
        Map<String, List<ProfileRun>> byProfile = new LinkedHashMap<>();
        for (ProfileRun r : game.runs()) {
            byProfile.computeIfAbsent(GameStudy.text(r.profile()), k -> new ArrayList<>()).add(r);
        }
        String best = null;
        String worstProfile = null;
        Map<String, Double> bestValues = null;
        Map<String, Double> worstValues = null;
        for (Map.Entry<String, List<ProfileRun>> e : byProfile.entrySet()) {
            Map<String, Double> values = mean(e.getValue(), metrics);
            double loss = values.getOrDefault(LOSS, Double.NaN);
            if (bestValues == null || loss < bestValues.get(LOSS)) {
                best = e.getKey();
                bestValues = values;
            }
            if (worstValues == null || loss > worstValues.get(LOSS)) {
                worstProfile = e.getKey();
                worstValues = values;
            }
        }
        if (bestValues != null) {
            rows.add(row("best sampled profile", best, Double.NaN, bestValues));
            rows.add(row("worst sampled profile", worstProfile, Double.NaN, worstValues));
        }
        double defaultLoss = mean(defaults, List.of(LOSS)).getOrDefault(LOSS, Double.NaN);
        return new DesignComparison(game.design().name(), rows, best,
                bestValues == null ? Double.NaN : bestValues.get(LOSS), worst, bestEq, defaultLoss, eqs.size());
    }

    /** The design's line of designs.csv. */
    Map<String, Object> line() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("design", design);
        m.put("equilibria", equilibria);
        m.put("default_loss_borne", defaultLoss);
        m.put("best_equilibrium_loss_borne", bestEquilibrium);
        m.put("worst_equilibrium_loss_borne", worstEquilibrium);
        m.put("best_profile", best);
        m.put("best_profile_loss_borne", bestLoss);
        m.put("price_of_anarchy", priceOfAnarchy());
        m.put("anarchy_cost", anarchyCost());
        return m;
    }

    private static Map<String, Object> row(String outcome, String profile, double regret, Map<String, Double> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", outcome);
        m.put("profile", profile);
        m.put("regret", regret);
        m.putAll(values);
        return m;
    }

    /** Each metric's mean over {@code runs} (NaN if any run's is). */
    private static Map<String, Double> mean(List<ProfileRun> runs, List<String> metrics) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String m : metrics) {
            double sum = 0;
            for (ProfileRun r : runs) {
                Object v = r.summary().get(m);
                sum += v instanceof Number n ? n.doubleValue() : Double.NaN;
            }
            out.put(m, runs.isEmpty() ? Double.NaN : sum / runs.size());
        }
        return out;
    }
}
