package backstop.experiments.game;

import backstop.analysis.game.Candidate;
import backstop.analysis.game.Dpr;
import backstop.analysis.game.EmpiricalGame;
import backstop.analysis.game.EquilibriaCsv;
import backstop.analysis.game.PayoffsCsv;
import backstop.analysis.game.Profile;
import backstop.analysis.game.PureProfiles;
import backstop.analysis.game.ReplicatorSearch;
import backstop.analysis.game.Role;
import backstop.analysis.game.Starts;
import backstop.analysis.game.SupportEnumeration;
import backstop.experiments.design.DesignSpec;
import backstop.experiments.results.AtomicFiles;
import backstop.experiments.results.Json;
import backstop.experiments.results.RunFolder;
import backstop.experiments.sweep.Shard;
import backstop.analysis.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A game played out: for each design, every full profile the reduction needs is simulated on every seed
 * ({@link GameRunner}), the strategies' payoffs become the empirical game, the reduction's game is solved (replicator
 * dynamics from many starts, every role-symmetric pure profile it did not reach, and support enumeration too when two
 * roles have one player each), every candidate's regret
 * is measured against all unilateral deviations, and each equilibrium's outcome for the design — the expected value
 * of every summary metric when the players mix as it says — is computed from the simulated profiles.
 */
public final class GameStudy {
    /** An equilibrium's regret is at most this share of the largest |payoff| in its game (unless the game sets one). */
    static final double RELATIVE_REGRET = 0.01;
    /** The simulations' files, in a game folder and in each shard's. */
    public static final String PROFILES = "profiles.csv";
    public static final String DEFAULTS = "defaults.csv";
    private static final String PAYOFF = "payoff:";

    /** One design's game: the simulations, the reduced game, the solvers' candidates and the equilibria's outcomes. */
    public record DesignGame(DesignSpec design, List<ProfileRun> runs, EmpiricalGame full, EmpiricalGame reduced,
                             List<Candidate> candidates, double threshold, List<Map<String, Object>> outcomes,
                             List<ProfileRun> defaults) {
        /** The candidates within the regret threshold whose every deviation was simulated. */
        public List<Candidate> equilibria() {
            return candidates.stream().filter(c -> c.isEquilibrium(threshold)).toList();
        }

        /** The design's outcomes side by side: scenario default, equilibria, best and worst sampled profile. */
        public DesignComparison comparison() {
            return DesignComparison.of(this, defaults);
        }
    }

    private final GamePlan plan;
    private final GameRunner runner;

    public GameStudy(GamePlan plan) {
        this.plan = plan;
        this.runner = new GameRunner(plan);
    }

    /**
     * Every simulation the game needs, in the order its files list them: design by design, each full profile the
     * reduction needs on every seed, then the scenario's own behaviour on every seed.
     */
    public List<GameRunner.Simulation> simulations() {
        List<GameRunner.Simulation> out = new ArrayList<>();
        List<Profile> profiles = plan.dpr().allFullProfiles();
        for (DesignSpec design : plan.designs()) {
            for (Profile p : profiles) {
                for (long seed : plan.seeds()) {
                    out.add(new GameRunner.Simulation(design, counts(p), seed));
                }
            }
            for (long seed : plan.seeds()) {
                out.add(new GameRunner.Simulation(design, null, seed));
            }
        }
        return out;
    }

    /** Simulates and solves every design's game, telling {@code done} of each finished simulation. */
    public List<DesignGame> play(int threads, Consumer<ProfileRun> done) throws InterruptedException {
        return solve(runner.run(simulations(), threads, done));
    }

    /**
     * Simulates what {@code kept} (an interrupted game's simulations, by {@link GameShards#key}) lacks of
     * {@link #simulations()}, telling {@code done} of each; returns them all in the order of {@link #simulations()}.
     */
    public List<ProfileRun> playRest(Map<String, ProfileRun> kept, int threads, Consumer<ProfileRun> done)
            throws InterruptedException {
        List<GameRunner.Simulation> all = simulations();
        Map<String, ProfileRun> found = new LinkedHashMap<>(kept);
        for (GameRunner.Simulation sim : all) {
            found.remove(GameShards.key(sim));
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("kept simulations this game does not have: " + found.keySet());
        }
        List<GameRunner.Simulation> rest = all.stream().filter(s -> !kept.containsKey(GameShards.key(s))).toList();
        Map<String, ProfileRun> byKey = new LinkedHashMap<>(kept);
        for (ProfileRun r : runner.run(rest, threads, done)) {
            byKey.put(GameShards.key(r), r);
        }
        return all.stream().map(s -> byKey.get(GameShards.key(s))).toList();
    }

    /** Simulates {@code shard}'s share of {@link #simulations()} (dealt round-robin, as sweeps deal runs). */
    public List<ProfileRun> playShard(Shard shard, int threads, Consumer<ProfileRun> done) throws InterruptedException {
        return runner.run(shard.pick(simulations()), threads, done);
    }

    /**
     * Solves every design's game from its simulations, given in the order of {@link #simulations()}: the empirical game,
     * its reduction, the candidates and their regret, the equilibria's outcomes and the scenario default beside them.
     */
    public List<DesignGame> solve(List<ProfileRun> all) {
        List<DesignGame> out = new ArrayList<>();
        Dpr dpr = plan.dpr();
        List<Profile> profiles = dpr.allFullProfiles();
        for (DesignSpec design : plan.designs()) {
            List<ProfileRun> runs = all.stream().filter(r -> r.design().equals(design.name()) && !r.profile().isEmpty()).toList();
            List<ProfileRun> defaults = all.stream().filter(r -> r.design().equals(design.name()) && r.profile().isEmpty()).toList();
            EmpiricalGame.Builder full = EmpiricalGame.builder(dpr.fullRoles());
            for (int i = 0; i < runs.size(); i++) {
                ProfileRun r = runs.get(i);
                Profile p = profiles.get(i / plan.seeds().size());
                r.payoffs().forEach((role, byStrategy) -> byStrategy.forEach((s, v) -> full.addSample(p, role, s, v)));
            }
            EmpiricalGame fullGame = full.build();
            EmpiricalGame reduced = dpr.reduce(fullGame);
            List<Candidate> candidates = new ArrayList<>(ReplicatorSearch.defaults().candidates(reduced,
                    Starts.defaults(dpr.reducedRoles())));
            candidates.addAll(PureProfiles.notAmong(reduced, candidates, ReplicatorSearch.TOLERANCE));
            List<Role> roles = dpr.reducedRoles();
            if (roles.size() == 2 && roles.get(0).players() == 1 && roles.get(1).players() == 1) {
                candidates.addAll(SupportEnumeration.solve(reduced));
            }
            double threshold = plan.spec().regretThreshold() != null ? plan.spec().regretThreshold()
                    : RELATIVE_REGRET * largestPayoff(reduced);
            out.add(new DesignGame(design, runs, fullGame, reduced, List.copyOf(candidates), threshold,
                    outcomes(runs, candidates, threshold, profiles), defaults));
        }
        return out;
    }

    /**
     * Writes game.json, profiles.csv, defaults.csv (the scenario's own behaviour on each seed), comparison.csv and
     * designs.csv (every design's outcomes and price of anarchy) and, per design, payoffs.csv, full_payoffs.csv,
     * equilibria.csv, regret_bootstrap.csv (how firm each candidate's regret is over resampled seeds) and outcomes.csv.
     */
    public void write(Path out, List<DesignGame> games) throws IOException {
        Files.createDirectories(out);
        AtomicFiles.write(out.resolve("game.json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(plan.resolved()));
        List<ProfileRun> all = new ArrayList<>();
        games.forEach(g -> {
            all.addAll(g.runs());
            all.addAll(g.defaults());
        });
        writeSimulations(out, all);
        List<Map<String, Object>> comparison = new ArrayList<>();
        List<Map<String, Object>> designs = new ArrayList<>();
        for (DesignGame g : games) {
            DesignComparison c = g.comparison();
            for (Map<String, Object> row : c.rows()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("design", c.design());
                m.putAll(row);
                comparison.add(m);
            }
            designs.add(c.line());
        }
        AtomicFiles.write(out.resolve("comparison.csv"), table(comparison));
        AtomicFiles.write(out.resolve("designs.csv"), table(designs));
        for (DesignGame g : games) {
            Path dir = out.resolve(g.design().name());
            Files.createDirectories(dir);
            PayoffsCsv.write(dir.resolve("payoffs.csv"), g.reduced());
            PayoffsCsv.write(dir.resolve("full_payoffs.csv"), g.full());
            EquilibriaCsv.write(dir.resolve("equilibria.csv"), g.reduced().roles(), g.candidates());
            AtomicFiles.write(dir.resolve("regret_bootstrap.csv"), table(RegretBootstrap.rows(g, plan.dpr(), plan.seeds())));
            AtomicFiles.write(dir.resolve("outcomes.csv"), g.outcomes().isEmpty()
                    ? RunFolder.csv(List.of("equilibrium"), List.of()) : table(g.outcomes()));
        }
    }

    /** Rows of one shape as CSV, the first row's keys the header. */
    private static byte[] table(List<Map<String, Object>> rows) throws IOException {
        return RunFolder.csv(List.copyOf(rows.get(0).keySet()), rows.stream().map(m -> List.copyOf(m.values())).toList());
    }

    private Map<String, Map<String, Integer>> counts(Profile p) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (int r = 0; r < plan.roles().size(); r++) {
            GamePlan.RolePlan role = plan.roles().get(r);
            Map<String, Integer> byStrategy = new LinkedHashMap<>();
            for (int s = 0; s < role.strategies().size(); s++) {
                if (p.count(r, s) > 0) {
                    byStrategy.put(role.strategies().get(s).name(), p.count(r, s));
                }
            }
            out.put(role.name(), byStrategy);
        }
        return out;
    }

    private static double largestPayoff(EmpiricalGame game) {
        double max = 0;
        for (Profile p : game.profiles()) {
            for (int r = 0; r < game.roles().size(); r++) {
                for (int s = 0; s < game.roles().get(r).strategyCount(); s++) {
                    double m = game.payoff(p, r, s).map(x -> Math.abs(x.mean())).orElse(0.0);
                    max = Math.max(max, Double.isFinite(m) ? m : 0);
                }
            }
        }
        return max;
    }

    /**
     * Each equilibrium's expected outcome: every numeric summary metric averaged over the reduced profiles, weighted by
     * the probability of each when every reduced player draws from the equilibrium's mixture, a reduced profile's value
     * being the mean over the simulations of the full profiles the reduction ran for it.
     */
    private List<Map<String, Object>> outcomes(List<ProfileRun> simulated, List<Candidate> all, double threshold,
                                               List<Profile> fullProfiles) {
        Dpr dpr = plan.dpr();
        Map<Profile, List<ProfileRun>> byProfile = new LinkedHashMap<>();
        for (int i = 0; i < simulated.size(); i++) {
            byProfile.computeIfAbsent(fullProfiles.get(i / plan.seeds().size()), k -> new ArrayList<>()).add(simulated.get(i));
        }
        List<String> metrics = simulated.isEmpty() ? List.of() : List.copyOf(simulated.get(0).summary().keySet());
        List<Map<String, Object>> out = new ArrayList<>();
        for (int c = 0; c < all.size(); c++) {
            Candidate cand = all.get(c);
            if (!cand.isEquilibrium(threshold)) {
                continue;
            }
            double[] expected = new double[metrics.size()];
            for (Profile reduced : dpr.reducedProfiles()) {
                double w = cand.mixture().probabilityOf(reduced);
                if (w == 0) {
                    continue;
                }
                List<ProfileRun> runs = new ArrayList<>();
                for (Profile f : dpr.fullProfiles(reduced)) {
                    runs.addAll(byProfile.getOrDefault(f, List.of()));
                }
                for (int m = 0; m < metrics.size(); m++) {
                    double sum = 0;
                    for (ProfileRun r : runs) {
                        sum += ((Number) r.summary().get(metrics.get(m))).doubleValue();
                    }
                    expected[m] += w * sum / runs.size();
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("equilibrium", c);
            row.put("method", cand.method());
            row.put("mixture", cand.mixture().text());
            row.put("regret", cand.regret().value());
            for (int m = 0; m < metrics.size(); m++) {
                row.put(metrics.get(m), expected[m]);
            }
            out.add(row);
        }
        return out;
    }

    /**
     * Writes {@code runs} as profiles.csv (the profiles' simulations: design, profile, seed, each strategy's payoff,
     * every summary metric) and defaults.csv (the scenario's own behaviour: design, seed, every summary metric) in
     * {@code dir}, in the order given.
     */
    public void writeSimulations(Path dir, List<ProfileRun> runs) throws IOException {
        List<String> metrics = runs.isEmpty() ? List.of() : List.copyOf(runs.get(0).summary().keySet());
        List<String> payoffColumns = new ArrayList<>();
        for (GamePlan.RolePlan r : plan.roles()) {
            r.strategyNames().forEach(s -> payoffColumns.add(PAYOFF + r.name() + ":" + s));
        }
        List<String> header = new ArrayList<>(List.of("design", "profile", "seed"));
        header.addAll(payoffColumns);
        header.addAll(metrics);
        List<String> defaultsHeader = new ArrayList<>(List.of("design", "seed"));
        defaultsHeader.addAll(metrics);
        List<List<Object>> rows = new ArrayList<>();
        List<List<Object>> defaults = new ArrayList<>();
        for (ProfileRun r : runs) {
            if (r.profile().isEmpty()) {
                List<Object> row = new ArrayList<>(List.of(r.design(), r.seed()));
                metrics.forEach(m -> row.add(r.summary().get(m)));
                defaults.add(row);
                continue;
            }
            List<Object> row = new ArrayList<>(List.of(r.design(), text(r.profile()), r.seed()));
            for (String c : payoffColumns) {
                String[] parts = c.split(":");
                Double v = r.payoffs().getOrDefault(parts[1], Map.of()).get(parts[2]);
                row.add(v == null ? "" : v);
            }
            metrics.forEach(m -> row.add(r.summary().get(m)));
            rows.add(row);
        }
        AtomicFiles.write(dir.resolve(PROFILES), RunFolder.csv(header, rows));
        AtomicFiles.write(dir.resolve(DEFAULTS), RunFolder.csv(defaultsHeader, defaults));
    }

    /** Reads what {@link #writeSimulations} wrote in {@code dir}: every simulation, profiles' first. */
    public List<ProfileRun> readSimulations(Path dir) {
        List<ProfileRun> out = new ArrayList<>();
        Table profiles = Table.read(dir.resolve(PROFILES));
        for (int i = 0; i < profiles.rows(); i++) {
            Map<String, Map<String, Double>> payoffs = new LinkedHashMap<>();
            Map<String, Object> summary = new LinkedHashMap<>();
            for (String c : profiles.columns().subList(3, profiles.columns().size())) {
                String cell = profiles.cell(i, c);
                if (c.startsWith(PAYOFF)) {
                    String[] parts = c.split(":");
                    Map<String, Double> byStrategy = payoffs.computeIfAbsent(parts[1], k -> new LinkedHashMap<>());
                    if (!cell.isEmpty()) {
                        byStrategy.put(parts[2], Double.parseDouble(cell));
                    }
                } else {
                    summary.put(c, number(cell));
                }
            }
            Profile p = Profile.parse(plan.dpr().fullRoles(), profiles.cell(i, "profile"));
            out.add(new ProfileRun(profiles.cell(i, "design"), counts(p), Long.parseLong(profiles.cell(i, "seed")), payoffs, summary));
        }
        Table defaults = Table.read(dir.resolve(DEFAULTS));
        for (int i = 0; i < defaults.rows(); i++) {
            Map<String, Object> summary = new LinkedHashMap<>();
            for (String c : defaults.columns().subList(2, defaults.columns().size())) {
                summary.put(c, number(defaults.cell(i, c)));
            }
            out.add(new ProfileRun(defaults.cell(i, "design"), Map.of(), Long.parseLong(defaults.cell(i, "seed")), Map.of(), summary));
        }
        return out;
    }

    /** A summary value as the summary had it: whole numbers as longs (written without a point), others as doubles. */
    private static Number number(String cell) {
        return cell.matches("-?\\d+") ? (Number) Long.parseLong(cell) : (Number) Double.parseDouble(cell);
    }

    /** The profile as its row of profiles.csv names it: {@code keepers: aggressive 2, frugal 1; makers: stay 2}. */
    public static String text(Map<String, Map<String, Integer>> profile) {
        List<String> roles = new ArrayList<>();
        profile.forEach((role, counts) -> {
            List<String> parts = new ArrayList<>();
            counts.forEach((s, n) -> parts.add(s + " " + n));
            roles.add(role + ": " + String.join(", ", parts));
        });
        return String.join("; ", roles);
    }
}
