package backstop.analysis.report;

import backstop.analysis.Fixtures;
import backstop.analysis.game.GameResults;
import backstop.analysis.Table;
import backstop.analysis.charts.SimplexChart;
import backstop.analysis.game.DeviationPayoffs;
import backstop.analysis.game.EmpiricalGame;
import backstop.analysis.game.MixedProfile;
import backstop.analysis.game.ReplicatorDynamics;
import backstop.analysis.game.Starts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report of the sample game folder (samples/game, written by {@code backstop game}). */
class GameReportTest {
    @TempDir
    Path tmp;

    /** Links to the sample's files, so the report is written here and the checked-in sample stays untouched. */
    private Path game() throws IOException {
        Path sample = Fixtures.sample("game");
        Path dir = tmp.resolve("game");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path link = dir.resolve(sample.relativize(f).toString());
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, f);
            }
        }
        return dir;
    }

    @Test
    void theGameReportLeadsWithTheDesignComparisonAndDrawsEveryDesignsGame() throws IOException {
        Path dir = game();
        GameResults game = GameResults.load(dir);
        assertEquals(List.of("maker-liq2", "synthetix-v3"), game.designs());
        assertEquals(List.of("aggressive", "frugal", "idle"), game.reducedRoles().get(0).strategies());
        assertEquals(2, game.reducedRoles().get(0).players());
        String html = Files.readString(Report.write(dir));
        try (Stream<Path> charts = Files.list(dir.resolve("charts"))) {
            assertEquals(List.of("game-outcomes.png", "simplex-maker-liq2-keepers.png", "simplex-synthetix-v3-keepers.png"),
                    charts.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(3, html.split("src=\"data:image/png;base64,", -1).length - 1);
        int comparison = html.indexOf("Design comparison at equilibrium");
        assertTrue(comparison > 0 && comparison < html.indexOf("Design maker-liq2"), "the comparison comes first");
        for (String id : List.of("designs", "comparison", "equilibria-maker-liq2", "payoffs-maker-liq2",
                "equilibria-synthetix-v3", "payoffs-synthetix-v3")) {
            assertTrue(html.contains("<table id=\"" + id + "\">"), id);
        }
        // Each design's price of anarchy is in its row, as designs.csv has it.
        Table designs = game.designSummary();
        for (int i = 0; i < designs.rows(); i++) {
            assertTrue(html.contains("<td class=\"n\">" + Html.number(designs.value(i, "price_of_anarchy")) + "</td></tr>"),
                    designs.cell(i, "design"));
        }
        // Every profile of the reduced game has its row in the payoff table: 3 strategies, 2 players → 6.
        String payoffs = html.substring(html.indexOf("<table id=\"payoffs-maker-liq2\">"));
        payoffs = payoffs.substring(0, payoffs.indexOf("</table>"));
        assertEquals(1 + 6, payoffs.split("<tr>", -1).length - 1);
        assertFalse(html.contains("<script"), "self-contained, no scripts");
    }

    @Test
    void aTrajectoryRecordsEveryStepAndEndsWhereTheRunEnds() throws IOException {
        GameResults game = GameResults.load(game());
        EmpiricalGame reduced = game.reduced("maker-liq2");
        DeviationPayoffs payoffs = DeviationPayoffs.of(reduced);
        for (Starts.Start s : Starts.defaults(reduced.roles())) {
            List<MixedProfile> path = new ArrayList<>();
            ReplicatorDynamics.Run run = ReplicatorDynamics.defaults().run(payoffs, s.mixture(), path);
            assertEquals(run.iterations() + 1, path.size(), s.label());
            assertEquals(0, s.mixture().distance(path.get(0)));
            assertTrue(path.get(path.size() - 1).distance(run.end()) <= ReplicatorDynamics.TRIM * 3, s.label());
            assertEquals(0, run.end().distance(ReplicatorDynamics.defaults().run(payoffs, s.mixture()).end()),
                    "recording changes nothing");
        }
    }

    @Test
    void mixturesAreShownToThreeDecimals() {
        assertEquals("keepers: aggressive 0.422, frugal 0.578",
                GameReport.readable("keepers: aggressive 0.42165896841860445, frugal 0.5783410315813956"));
        assertEquals("makers: withdraw-early 0.001, wide 0.999; arbitrageurs: tight 1.0",
                GameReport.readable("makers: withdraw-early 9.079705682292537E-4, wide 0.9990920294317708; arbitrageurs: tight 1.0"));
        assertEquals("keepers: idle 3", GameReport.readable("keepers: idle 3"));
    }

    @Test
    void theSimplexPutsEachPureStrategyAtACornerAndTheUniformMixtureAtTheCentre() {
        assertArrayEquals(new double[] {0, 0}, SimplexChart.point(new double[] {1, 0, 0}), 1e-15);
        assertArrayEquals(new double[] {1, 0}, SimplexChart.point(new double[] {0, 1, 0}), 1e-15);
        assertArrayEquals(new double[] {0.5, Math.sqrt(3) / 2}, SimplexChart.point(new double[] {0, 0, 1}), 1e-15);
        assertArrayEquals(new double[] {0.5, Math.sqrt(3) / 6}, SimplexChart.point(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}), 1e-15);
    }
}
