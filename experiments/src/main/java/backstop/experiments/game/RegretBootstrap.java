package backstop.experiments.game;

import backstop.analysis.game.Candidate;
import backstop.analysis.game.Dpr;
import backstop.analysis.game.EmpiricalGame;
import backstop.analysis.game.Profile;
import backstop.analysis.game.Regret;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How firm each candidate's regret is, its payoffs being estimates from a few seeds: the seeds are resampled with
 * replacement (every profile's runs together, so the common random numbers stay common), the game is rebuilt from the
 * resampled runs and reduced, and the candidate's regret is measured again. Reported: the 2.5th and 97.5th
 * percentiles of its regret over the resamples and the share of them in which it stays within the regret threshold —
 * an equilibrium with a share near 1 is one more seeds would likely confirm, one near ½ could go either way. A game of
 * one seed has nothing to resample (NaN, 0 resamples).
 */
final class RegretBootstrap {
    /** Resamples, and their fixed seed: the same game always gives the same file. */
    static final int RESAMPLES = 200;
    static final long SEED = 20261204L;

    private RegretBootstrap() {
    }

    /** One row per candidate of {@code game}: its regret, the bootstrap percentiles and the share within the threshold. */
    static List<Map<String, Object>> rows(GameStudy.DesignGame game, Dpr dpr, List<Long> seeds) {
        boolean enough = seeds.size() >= 2;
        int resamples = enough ? RESAMPLES : 0;
        double[][] regrets = new double[game.candidates().size()][resamples];
        List<Profile> profiles = dpr.allFullProfiles();
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int b = 0; b < resamples; b++) {
            int[] times = new int[seeds.size()];
            for (int k = 0; k < seeds.size(); k++) {
                times[rnd.nextInt(seeds.size())]++;
            }
            EmpiricalGame.Builder full = EmpiricalGame.builder(dpr.fullRoles());
            for (int i = 0; i < game.runs().size(); i++) {
                ProfileRun r = game.runs().get(i);
                Profile p = profiles.get(i / seeds.size());
                for (int t = 0; t < times[seeds.indexOf(r.seed())]; t++) {
                    r.payoffs().forEach((role, byStrategy) -> byStrategy.forEach((s, v) -> full.addSample(p, role, s, v)));
                }
            }
            EmpiricalGame reduced = dpr.reduce(full.build());
            for (int c = 0; c < regrets.length; c++) {
                regrets[c][b] = Regret.of(reduced, game.candidates().get(c).mixture()).value();
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int c = 0; c < regrets.length; c++) {
            Candidate cand = game.candidates().get(c);
            int within = 0;
            for (double x : regrets[c]) {
                within += x <= game.threshold() ? 1 : 0;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("candidate", c);
            row.put("method", cand.method());
            row.put("mixture", cand.mixture().text());
            row.put("regret", cand.regret().value());
            row.put("regret_p2_5", enough ? new Percentile().evaluate(regrets[c], 2.5) : Double.NaN);
            row.put("regret_p97_5", enough ? new Percentile().evaluate(regrets[c], 97.5) : Double.NaN);
            row.put("share_within_threshold", enough ? within / (double) resamples : Double.NaN);
            row.put("resamples", resamples);
            rows.add(row);
        }
        return rows;
    }
}
