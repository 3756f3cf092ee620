package backstop.experiments.game;

import backstop.analysis.Table;
import backstop.analysis.game.EmpiricalGame;
import backstop.analysis.game.GameResults;
import backstop.analysis.game.MixedProfile;
import backstop.analysis.game.Regret;
import backstop.analysis.game.Role;
import backstop.experiments.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With two seeds a resample is seed 1 twice, seed 2 twice, or both, so every candidate's bootstrap regret is one of
 * three values: its regret in the game of seed 1 alone, of seed 2 alone, and of both. With 200 resamples each comes up
 * about a quarter, a quarter and half of the time, so the 2.5th percentile is the least of the three and the 97.5th the
 * greatest — computed here from the one-seed games run separately.
 */
class RegretBootstrapTest {
    @TempDir
    Path tmp;

    @Test
    void twoSeedsGiveTheRegretsOfEachSeedsGameAsTheBootstrapsBounds() throws Exception {
        String game = SmallGames.threeKeepersReducedToTwo("[synthetix-v3]");
        Path both = run(game, "both");
        Path first = run(game.replace("replications: 2", "replications: 1"), "first");
        Path second = run(game.replace("replications: 2", "replications: 1") + "base_seed: 2\n", "second");
        EmpiricalGame g1 = GameResults.load(first).reduced("synthetix-v3");
        EmpiricalGame g2 = GameResults.load(second).reduced("synthetix-v3");
        EmpiricalGame g12 = GameResults.load(both).reduced("synthetix-v3");
        Table eq = Table.read(both.resolve("synthetix-v3/equilibria.csv"));
        Table boot = Table.read(both.resolve("synthetix-v3/regret_bootstrap.csv"));
        assertEquals(eq.rows(), boot.rows(), "a row per candidate");
        Role keepers = g12.roles().get(0);
        for (int i = 0; i < eq.rows(); i++) {
            double[] p = new double[keepers.strategyCount()];
            for (int s = 0; s < p.length; s++) {
                p[s] = eq.value(i, "keepers:" + keepers.strategies().get(s));
            }
            MixedProfile m = MixedProfile.of(g12.roles(), p);
            double r1 = Regret.of(g1, m).value();
            double r2 = Regret.of(g2, m).value();
            double r12 = Regret.of(g12, m).value();
            assertEquals(eq.value(i, "regret"), boot.value(i, "regret"), 1e-9);
            assertEquals(r12, boot.value(i, "regret"), 1e-6, "the game of both seeds is the game itself");
            assertEquals(Math.min(r1, Math.min(r2, r12)), boot.value(i, "regret_p2_5"), 1e-6, "row " + i);
            assertEquals(Math.max(r1, Math.max(r2, r12)), boot.value(i, "regret_p97_5"), 1e-6, "row " + i);
            double share = boot.value(i, "share_within_threshold");
            assertTrue(share >= 0 && share <= 1, "share " + share);
            assertEquals(200, boot.value(i, "resamples"));
        }
        Table one = Table.read(first.resolve("synthetix-v3/regret_bootstrap.csv"));
        assertEquals(0, one.value(0, "resamples"), "one seed: nothing to resample");
        assertTrue(Double.isNaN(one.value(0, "regret_p2_5")));
    }

    private Path run(String game, String name) throws Exception {
        Path file = tmp.resolve(name + ".yaml");
        Files.writeString(file, game);
        Path out = tmp.resolve(name);
        assertEquals(0, Main.execute("game", file.toString(), "--out", out.toString(), "--threads", "2"));
        return out;
    }
}
