package backstop.experiments.game;

import backstop.experiments.design.DesignSpec;
import backstop.experiments.results.RunResult;
import backstop.experiments.run.WorldRun;
import backstop.experiments.scenario.ScenarioSpec;
import backstop.protocol.event.EventSink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Simulates profiles of a game: every requested profile of every design on every seed of the plan (common random
 * numbers: a seed's exogenous paths are the same in every profile and design), on a pool of threads, keeping of each
 * run only the strategies' payoffs and the summary, so memory holds a few runs whatever the game's size.
 */
public final class GameRunner {
    private static final double SECONDS_PER_YEAR = 365.0 * 86_400;

    private final GamePlan plan;

    public GameRunner(GamePlan plan) {
        this.plan = plan;
    }

    /**
     * One simulation of a game: {@code design} on {@code seed} with the players on {@code profile} (role → strategy →
     * players), or with the scenario's own behaviour when {@code profile} is null.
     */
    public record Simulation(DesignSpec design, Map<String, Map<String, Integer>> profile, long seed) {
        /** Whether this is a run of the scenario's own behaviour. */
        public boolean scenarioDefault() {
            return profile == null;
        }
    }

    /** Runs {@code simulations} on {@code threads} threads, telling {@code done} of each; results in their order. */
    public List<ProfileRun> run(List<Simulation> simulations, int threads, Consumer<ProfileRun> done)
            throws InterruptedException {
        List<Callable<ProfileRun>> tasks = new ArrayList<>();
        for (Simulation sim : simulations) {
            tasks.add(() -> {
                ProfileRun r = sim.scenarioDefault() ? scenarioDefault(sim.design(), sim.seed())
                        : one(sim.design(), sim.profile(), sim.seed());
                done.accept(r);
                return r;
            });
        }
        return parallel(tasks, threads);
    }

    /**
     * The scenario's own behaviour under {@code design} on {@code seed} ({@link ProfileScenario#scenarioDefault}): the
     * run's summary, with an empty profile and no payoffs.
     */
    public ProfileRun scenarioDefault(DesignSpec design, long seed) {
        ScenarioSpec scenario = ProfileScenario.scenarioDefault(plan, plan.name() + " (scenario default)");
        return new ProfileRun(design.name(), Map.of(), seed, Map.of(), summary(WorldRun.run(scenario, design, seed, EventSink.NONE)));
    }

    private static <T> List<T> parallel(List<Callable<T>> tasks, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> t : tasks) {
                futures.add(pool.submit(t));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One simulation of {@code profile} under {@code design} on {@code seed}. */
    public ProfileRun one(DesignSpec design, Map<String, Map<String, Integer>> profile, long seed) {
        ScenarioSpec scenario = ProfileScenario.of(plan, profile, plan.name());
        RunResult r = WorldRun.run(scenario, design, seed, EventSink.NONE);
        double years = scenario.durationSeconds() / SECONDS_PER_YEAR;
        Map<String, Map<String, Double>> payoffs = new LinkedHashMap<>();
        for (GamePlan.RolePlan role : plan.roles()) {
            Map<String, Double> byStrategy = new LinkedHashMap<>();
            for (Strategy s : role.strategies()) {
                int n = profile.get(role.name()).getOrDefault(s.name(), 0);
                if (n == 0) {
                    continue;
                }
                String population = ProfileScenario.population(role, s.name());
                double sum = 0;
                int members = 0;
                for (RunResult.AgentRow a : r.agents()) {
                    if (a.population().equals(population)) {
                        sum += a.payoff() - plan.spec().capitalCost() * a.capital() * years;
                        members++;
                    }
                }
                if (members != n) {
                    throw new IllegalStateException("profile " + profile + ": population " + population + " has " + members
                            + " agents, not " + n);
                }
                byStrategy.put(s.name(), sum / n);
            }
            payoffs.put(role.name(), byStrategy);
        }
        return new ProfileRun(design.name(), profile, seed, payoffs, summary(r));
    }

    private static Map<String, Object> summary(RunResult r) {
        Map<String, Object> summary = new LinkedHashMap<>(r.summary());
        summary.remove("wall_seconds"); // the one value a replay does not share
        return summary;
    }
}
