package backstop.analysis.report;

import backstop.analysis.game.GameResults;
import backstop.analysis.Table;
import backstop.analysis.charts.GameOutcomeChart;
import backstop.analysis.charts.ShareChart;
import backstop.analysis.charts.SimplexChart;
import backstop.analysis.game.DeviationPayoffs;
import backstop.analysis.game.EmpiricalGame;
import backstop.analysis.game.MixedProfile;
import backstop.analysis.game.Payoff;
import backstop.analysis.game.Profile;
import backstop.analysis.game.ReplicatorDynamics;
import backstop.analysis.game.Role;
import backstop.analysis.game.Starts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The page for a game folder: the design comparison at equilibrium first (each design's loss borne under the
 * scenario's own behaviour, at each equilibrium and in the best and worst simulated profiles, with the price of
 * anarchy), then per design the equilibria with their regret and basin, the replicator trajectories from the search's
 * own starts (on the simplex for a role of three strategies, as shares over the steps otherwise) and the reduced
 * game's payoff table with 95% intervals.
 */
final class GameReport {
    private GameReport() {
    }

    static String html(Path dir) {
        GameResults game = GameResults.load(dir);
        Html page = new Html("Backstop game: " + game.name());
        List<String> roles = new ArrayList<>();
        for (int r = 0; r < game.reducedRoles().size(); r++) {
            Role role = game.reducedRoles().get(r);
            roles.add(role.name() + " (" + game.players().get(r) + " players, reduced to " + role.players() + "; "
                    + String.join(", ", role.strategies()) + ")");
        }
        page.paragraph((game.description().isEmpty() ? "" : game.description() + " ") + "Scenario " + game.scenario()
                + "; designs " + game.designs() + "; roles " + String.join("; ", roles) + "; " + game.fullProfiles()
                + " full profiles × " + game.seeds() + " seeds per design.");
        comparison(dir, page, game);
        for (String design : game.designs()) {
            design(dir, page, game, design);
        }
        return page.finish();
    }

    private static void comparison(Path dir, Html page, GameResults game) {
        page.heading("Design comparison at equilibrium");
        page.paragraph("The loss others bear (loss_borne) under each design: with the scenario's own behaviour, at each"
                + " equilibrium found (the expected value when the players mix as it says), and in the best and the worst"
                + " full profile the game simulated. The price of anarchy is the worst equilibrium's loss over the best"
                + " simulated profile's: what the design loses because its participants choose what pays them.");
        Table designs = game.designSummary();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < designs.rows(); i++) {
            rows.add(List.of(designs.cell(i, "design"), designs.cell(i, "equilibria"),
                    Html.number(designs.value(i, "default_loss_borne")),
                    Html.number(designs.value(i, "best_equilibrium_loss_borne")),
                    Html.number(designs.value(i, "worst_equilibrium_loss_borne")),
                    designs.cell(i, "best_profile"), Html.number(designs.value(i, "best_profile_loss_borne")),
                    Html.number(designs.value(i, "price_of_anarchy"))));
        }
        page.table("designs", List.of("design", "equilibria", "scenario default", "best equilibrium", "worst equilibrium",
                "best simulated profile", "its loss", "price of anarchy"), rows);
        Table comparison = game.comparison();
        List<GameOutcomeChart.Bar> bars = new ArrayList<>();
        List<List<String>> lines = new ArrayList<>();
        for (int i = 0; i < comparison.rows(); i++) {
            bars.add(new GameOutcomeChart.Bar(comparison.cell(i, "design"), comparison.cell(i, "outcome"),
                    comparison.value(i, "loss_borne")));
            lines.add(List.of(comparison.cell(i, "design"), comparison.cell(i, "outcome"), readable(comparison.cell(i, "profile")),
                    Html.number(comparison.value(i, "regret")), Html.number(comparison.value(i, "loss_borne")),
                    cell(comparison, i, "bad_debt"), cell(comparison, i, "liquidation_count")));
        }
        Report.chart(dir, page, "game-outcomes", "loss borne per design and outcome",
                GameOutcomeChart.png(bars, "loss_borne", Report.WIDTH, Report.HEIGHT));
        page.table("comparison", List.of("design", "outcome", "profile", "regret", "loss_borne", "bad_debt",
                "liquidation_count"), lines);
    }

    private static final java.util.regex.Pattern LONG_DECIMAL = java.util.regex.Pattern.compile("\\d+\\.\\d{4,}(E-?\\d+)?");

    /** A mixture as a reader takes it in: its probabilities to three decimals (the CSV keeps them whole). */
    static String readable(String mixture) {
        return LONG_DECIMAL.matcher(mixture).replaceAll(m -> String.format(java.util.Locale.ROOT, "%.3f",
                Double.parseDouble(m.group())));
    }

    private static String cell(Table t, int row, String column) {
        return t.has(column) ? Html.number(t.value(row, column)) : "";
    }

    private static void design(Path dir, Html page, GameResults game, String design) {
        page.heading("Design " + design);
        EmpiricalGame reduced = game.reduced(design);
        Table eq = game.equilibria(design);
        List<String> header = new ArrayList<>(List.of("method", "start", "regret", "basin"));
        List<Role> roles = reduced.roles();
        for (Role r : roles) {
            r.strategies().forEach(s -> header.add(r.name() + ":" + s));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < eq.rows(); i++) {
            List<String> row = new ArrayList<>();
            for (String c : header) {
                row.add(c.equals("method") || c.equals("start") ? eq.cell(i, c) : Html.number(eq.value(i, c)));
            }
            rows.add(row);
        }
        page.paragraph("Every candidate of the search (replicator dynamics from the uniform, skewed and random starts; every"
                + " role-symmetric pure profile it did not reach; support enumeration for two one-player roles), with its"
                + " regret against every unilateral deviation and the share of starts that reached it.");
        page.table("equilibria-" + design, header, rows);
        trajectories(dir, page, design, reduced);
        payoffs(page, design, reduced);
    }

    /** The search's own starts, run again on the payoff table, drawn per role. */
    private static void trajectories(Path dir, Html page, String design, EmpiricalGame reduced) {
        DeviationPayoffs payoffs = DeviationPayoffs.of(reduced);
        ReplicatorDynamics dynamics = ReplicatorDynamics.defaults();
        List<Starts.Start> starts = Starts.defaults(reduced.roles());
        List<List<MixedProfile>> paths = new ArrayList<>();
        for (Starts.Start s : starts) {
            List<MixedProfile> path = new ArrayList<>();
            dynamics.run(payoffs, s.mixture(), path);
            paths.add(path);
        }
        for (int r = 0; r < reduced.roles().size(); r++) {
            Role role = reduced.roles().get(r);
            int k = role.strategyCount();
            if (k == 3) {
                List<List<double[]>> points = new ArrayList<>();
                for (List<MixedProfile> path : paths) {
                    int role0 = r;
                    points.add(path.stream().map(m -> m.probabilities(role0)).toList());
                }
                Report.chart(dir, page, "simplex-" + design + "-" + role.name(), "replicator trajectories on the simplex",
                        SimplexChart.png(design + " · " + role.name() + ": replicator trajectories from "
                                + starts.size() + " starts", role.strategies(), points, Report.WIDTH, Report.HEIGHT));
            } else if (k > 1) {
                int role0 = r;
                List<double[]> uniform = paths.get(0).stream().map(m -> m.probabilities(role0)).toList();
                Report.chart(dir, page, "shares-" + design + "-" + role.name(), "strategy shares along the trajectory",
                        ShareChart.png(design + " · " + role.name() + ": shares from the uniform start", role.strategies(),
                                uniform, Report.WIDTH, Report.HEIGHT));
            }
        }
    }

    /** The reduced game's payoff table: one row per profile, per strategy its mean and 95% interval. */
    private static void payoffs(Html page, String design, EmpiricalGame reduced) {
        List<String> header = new ArrayList<>(List.of("profile"));
        for (Role r : reduced.roles()) {
            r.strategies().forEach(s -> header.add(r.name() + ":" + s + " (95% interval)"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Profile p : reduced.profiles()) {
            List<String> row = new ArrayList<>(List.of(p.text()));
            for (int r = 0; r < reduced.roles().size(); r++) {
                for (int s = 0; s < reduced.roles().get(r).strategyCount(); s++) {
                    Optional<Payoff> v = reduced.payoff(p, r, s);
                    row.add(v.map(x -> Html.number(x.mean()) + " (" + Html.number(x.ciLow()) + ", "
                            + Html.number(x.ciHigh()) + ")").orElse(""));
                }
            }
            rows.add(row);
        }
        page.paragraph("The reduced game's payoffs: each strategy's mean payoff per player in each profile (quote units,"
                + " net of gas and fees, from the ledger) with its 95% t interval over seeds.");
        page.table("payoffs-" + design, header, rows);
    }
}
