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

    /** Runs {@code profiles} under {@code design} on every seed, in order (profile-major), telling {@code done} of each. */
    public List<ProfileRun> run(DesignSpec design, List<Map<String, Map<String, Integer>>> profiles, int threads,
                                Consumer<ProfileRun> done) throws InterruptedException {
        List<Callable<ProfileRun>> tasks = new ArrayList<>();
        for (Map<String, Map<String, Integer>> profile : profiles) {
            for (long seed : plan.seeds()) {
                tasks.add(() -> {
                    ProfileRun r = one(design, profile, seed);
                    done.accept(r);
                    return r;
                });
            }
        }
        return parallel(tasks, threads);
    }

    /**
     * The scenario's own behaviour under {@code design} on every seed ({@link ProfileScenario#scenarioDefault}): each
     * run's summary, in seed order, with no payoffs.
     */
    public List<ProfileRun> runDefault(DesignSpec design, int threads) throws InterruptedException {
        ScenarioSpec scenario = ProfileScenario.scenarioDefault(plan, plan.name() + " (scenario default)");
        List<Callable<ProfileRun>> tasks = new ArrayList<>();
        for (long seed : plan.seeds()) {
            tasks.add(() -> new ProfileRun(design.name(), Map.of(), seed, Map.of(),
                    summary(WorldRun.run(scenario, design, seed, EventSink.NONE))));
        }
        return parallel(tasks, threads);
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
