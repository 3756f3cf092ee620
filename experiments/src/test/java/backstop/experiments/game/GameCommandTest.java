package backstop.experiments.game;

import backstop.analysis.game.Dpr;
import backstop.analysis.game.MixedProfile;
import backstop.analysis.game.Profile;
import backstop.analysis.game.Role;
import backstop.experiments.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code backstop game} end to end on a small game, and what it refuses. */
class GameCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aSmallGameWritesItsFolderAndFindsAnEquilibrium() throws Exception {
        Path file = tmp.resolve("g.yaml");
        Files.writeString(file, SmallGames.threeKeepersReducedToTwo("[synthetix-v3]"));
        Path out = tmp.resolve("out");
        assertEquals(0, Main.execute("game", file.toString(), "--out", out.toString(), "--threads", "2"));
        for (String f : List.of("game.json", "profiles.csv", "synthetix-v3/payoffs.csv", "synthetix-v3/full_payoffs.csv",
                "synthetix-v3/equilibria.csv", "synthetix-v3/outcomes.csv", "comparison.csv", "designs.csv", "report.html",
                "charts/game-outcomes.png", "charts/simplex-synthetix-v3-keepers.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        // 3 players reduced to 2 on 3 strategies: 6 reduced profiles, 9 full ones (each of 2 seeds) to simulate.
        List<String> profiles = Files.readAllLines(out.resolve("profiles.csv"));
        assertEquals(1 + 9 * 2, profiles.size(), String.join("\n", profiles));
        assertTrue(profiles.get(0).replace("\"", "").startsWith("design,profile,seed,payoff:keepers:aggressive,"
                + "payoff:keepers:frugal,payoff:keepers:idle,loss_borne"), profiles.get(0));
        // A keeper that stays home earns nothing and pays no gas: its payoff is exactly minus the capital cost of its
        // $10,000 at 50% a year over the 1,200 s, in every profile it is played in.
        List<String> header = List.of(profiles.get(0).replace("\"", "").split(","));
        int idle = header.indexOf("payoff:keepers:idle");
        int played = 0;
        for (String line : profiles.subList(1, profiles.size())) {
            String cell = line.replaceAll("\"[^\"]*\"", "profile").split(",", -1)[idle];
            if (!cell.isEmpty()) {
                assertEquals(-0.5 * 10_000 * 1200 / (365.0 * 86_400), Double.parseDouble(cell), 1e-9, line);
                played++;
            }
        }
        assertEquals(5 * 2, played, "idle is played in 5 of the 9 full profiles, on 2 seeds each");
        List<String> outcomes = Files.readAllLines(out.resolve("synthetix-v3/outcomes.csv"));
        assertTrue(outcomes.size() >= 2, "at least one equilibrium: " + outcomes);
        assertTrue(outcomes.get(0).startsWith("equilibrium,method,mixture,regret,loss_borne"), outcomes.get(0));
        comparesTheDesignWithItsScenarioAndItsBestProfile(out, profiles);
        assertEquals(2, Main.execute("game", file.toString(), "--out", out.toString()), "an existing folder is never replaced");
        assertTrue(Files.isRegularFile(out.resolve("game.json")));
        assertEquals(2, Main.execute("game", tmp.resolve("missing.yaml").toString(), "--out", tmp.resolve("o2").toString()));
        assertTrue(!Files.exists(tmp.resolve("o2")), "nothing written for a bad file");
    }

    /**
     * designs.csv's default is the scenario itself with the game's 3 keepers, run on the game's seeds; its best profile
     * is the simulated profile of least mean loss, and its price of anarchy the worst equilibrium's loss over that.
     */
    private void comparesTheDesignWithItsScenarioAndItsBestProfile(Path out, List<String> profiles) throws Exception {
        List<String> designs = Files.readAllLines(out.resolve("designs.csv"));
        assertEquals(2, designs.size(), String.join("\n", designs));
        List<String> header = List.of(designs.get(0).replace("\"", "").split(","));
        String[] row = designs.get(1).replaceAll("\"[^\"]*\"", "profile").split(",", -1);
        double scenarioLoss = 0;
        for (long seed : List.of(1L, 2L)) {
            List<String> overrides = new java.util.ArrayList<>(List.of("duration_seconds=1200", "sample_seconds=300",
                    "markets[0].process.start=60", "markets[0].process.duration=900", "markets[0].process.drawdown=0.3",
                    "episodes[0].start=60", "episodes[0].end=1100", "agents[1].count=150", "agents[4].count=3"));
            var run = backstop.experiments.run.WorldRun.run(
                    backstop.experiments.scenario.Scenarios.load("black-thursday-2020", overrides),
                    backstop.experiments.design.Presets.load("synthetix-v3"), seed, backstop.protocol.event.EventSink.NONE);
            scenarioLoss += ((Number) run.summary().get("loss_borne")).doubleValue() / 2;
        }
        assertEquals(scenarioLoss, Double.parseDouble(row[header.indexOf("default_loss_borne")]), 1e-6);
        List<String> columns = List.of(profiles.get(0).replace("\"", "").split(","));
        java.util.Map<String, Double> loss = new java.util.TreeMap<>();
        for (String line : profiles.subList(1, profiles.size())) {
            String profile = line.split("\"")[1];
            String[] cells = line.replaceAll("\"[^\"]*\"", "profile").split(",", -1);
            loss.merge(profile, Double.parseDouble(cells[columns.indexOf("loss_borne")]) / 2, Double::sum);
        }
        double best = loss.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertEquals(best, Double.parseDouble(row[header.indexOf("best_profile_loss_borne")]), 1e-6);
        double worst = Double.parseDouble(row[header.indexOf("worst_equilibrium_loss_borne")]);
        assertEquals(worst / best, Double.parseDouble(row[header.indexOf("price_of_anarchy")]), 1e-12);
        assertTrue(worst >= best - 1e-6, "no equilibrium bears less than the best simulated profile: " + worst + " vs " + best);
        List<String> comparison = Files.readAllLines(out.resolve("comparison.csv"));
        assertTrue(comparison.get(0).startsWith("design,outcome,profile,regret,loss_borne"), comparison.get(0));
        assertTrue(comparison.get(1).replace("\"", "").startsWith("synthetix-v3,scenario default,the scenario's populations,NaN,"), comparison.get(1));
    }

    @Test
    void reducedProfileProbabilitiesUnderAMixtureSumToOne() {
        Dpr dpr = new Dpr(List.of(new Role("k", 5, List.of("a", "b", "c"))), 3);
        MixedProfile mix = MixedProfile.of(dpr.reducedRoles(), new double[] {0.2, 0.5, 0.3});
        double sum = 0;
        for (Profile p : dpr.reducedProfiles()) {
            sum += mix.probabilityOf(p);
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(3 * 0.2 * 0.5 * 0.5, mix.probabilityOf(Profile.of(dpr.reducedRoles(), new int[] {1, 2, 0})), 1e-12);
    }
}
