package backstop.experiments.scenario;

import backstop.model.agent.AgentFactory;
import backstop.model.price.CorrelatedShocks;
import backstop.model.spec.Doc;
import backstop.model.world.WorldSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * A named, citable stress scenario (or a calm baseline): the world around the protocol and the agents in it.
 * The loss-mitigation design is chosen separately, so every design runs in every scenario on the same random
 * numbers.
 */
public record ScenarioSpec(
        @Doc(value = "the scenario's name, as results label it", absent = "required") String name,
        @Doc(value = "one line on what the scenario is (backstop scenarios prints it)", absent = "none")
        String description,
        @Doc("the stylized facts and sources it is calibrated to") List<String> sources,
        @Doc(value = "simulated time per block (app-chains 1, Ethereum L1 12)", unit = "seconds", range = "(0, ∞)")
        double blockSeconds,
        @Doc(value = "simulated time of a run, ≥ block_seconds and at most a billion blocks", unit = "seconds",
                range = "(0, ∞)") double durationSeconds,
        @Doc(value = "one timeseries.csv row this often", unit = "seconds", range = "(0, ∞)") double sampleSeconds,
        @Doc(value = "the traded markets, one perp and its external spot venue each (at least one)", absent = "required")
        List<MarketConfig> markets,
        @Doc(value = "correlation of the markets' price shocks, one row per market", absent = "identity")
        double[][] correlation,
        @Doc(value = "the oracle: a weighted median of venue feeds", absent = "required") WorldSpec.Oracle oracle,
        @Doc(value = "block building and gas", absent = "required") WorldSpec.Chain chain,
        @Doc("scheduled stress episodes: gas spikes and thinned venues") List<WorldSpec.Episode> episodes,
        @Doc("the agent populations, each chosen by type") List<AgentFactory> agents) {

    /** The longest run a scenario may ask for: a billion blocks (32 years of 1 s blocks). */
    public static final long MAX_BLOCKS = 1_000_000_000L;

    public ScenarioSpec {
        sources = sources == null ? List.of() : List.copyOf(sources);
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
        agents = agents == null ? List.of() : List.copyOf(agents);
        if (markets == null || markets.isEmpty()) {
            throw new IllegalArgumentException("markets: at least one market is required");
        }
        if (!(blockSeconds > 0) || !(durationSeconds >= blockSeconds) || !(sampleSeconds > 0)) {
            throw new IllegalArgumentException("need block_seconds > 0, duration_seconds ≥ block_seconds, sample_seconds > 0");
        }
        if (durationSeconds / blockSeconds > MAX_BLOCKS) {
            throw new IllegalArgumentException("duration_seconds: at most " + MAX_BLOCKS + " blocks of block_seconds ("
                    + blockSeconds + " s), got " + durationSeconds + " s");
        }
        if (correlation == null) {
            correlation = identity(markets.size());
        }
        if (correlation.length != markets.size()) {
            throw new IllegalArgumentException("correlation: must be " + markets.size() + "×" + markets.size()
                    + ", got " + correlation.length + " rows");
        }
        if (oracle == null || chain == null) {
            throw new IllegalArgumentException("oracle and chain: are required");
        }
        // What the world's own constructors would refuse when a run starts is refused here, at validation.
        for (int i = 0; i < markets.size(); i++) {
            int id = i;
            built("markets[" + i + "]: ", () -> markets.get(id).spec(id));
        }
        double[][] matrix = correlation;
        built("", () -> new CorrelatedShocks(matrix));
        for (int i = 0; i < agents.size(); i++) {
            AgentFactory a = agents.get(i);
            if (a.market() < 0 || a.market() >= markets.size()) {
                throw new IllegalArgumentException("agents[" + i + "].market: must be 0.." + (markets.size() - 1)
                        + " (an index into markets), got " + a.market());
            }
            built("agents[" + i + "]: ", a::check);
        }
    }

    private static void built(String where, Runnable build) {
        try {
            build.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    /** The model's world spec. */
    public WorldSpec world() {
        List<WorldSpec.Asset> assets = new ArrayList<>();
        for (int i = 0; i < markets.size(); i++) {
            MarketConfig m = markets.get(i);
            assets.add(new WorldSpec.Asset(m.spec(i), m.initialPrice(), m.process(), m.venue()));
        }
        long blocks = Math.round(durationSeconds / blockSeconds);
        return new WorldSpec(name, blockSeconds, blocks, sampleSeconds, assets, correlation, oracle, chain, episodes);
    }
}
