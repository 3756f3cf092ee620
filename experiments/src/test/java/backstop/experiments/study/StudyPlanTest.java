package backstop.experiments.study;

import backstop.experiments.config.ConfigException;
import backstop.experiments.config.ConfigTree;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A study file is checked whole before anything runs; each mistake is refused naming the key and the value. */
class StudyPlanTest {
    /** A small valid study: two designs on a two-value grid, two seeds. */
    static final String STUDY = """
            name: tiny
            title: A tiny study
            sweeps:
              - id: short
                scenario: calm
                designs: [none, dydx-v4]
                replications: 3
                overrides: [duration_seconds=60]
                parameters:
                  grid:
                    agents[1].count: [10, 20]
            ci:
              replications: 2
              overrides: [duration_seconds=30]
            figures:
              - id: blocks
                quantity: blocks run
                published: {value: 60, unit: blocks, source: the scenario}
                simulated: {sweep: short, design: none, metric: blocks, point: {"agents[1].count": 10}}
                band: {type: range, min: 59, max: 61}
                ci: false
              - id: slope
                quantity: slope of liquidations against the traders
                published: {value: "≥ 0", unit: liquidations per trader, source: none}
                simulated: {sweep: short, design: none, metric: liquidation_count, slope: "agents[1].count"}
                band: {type: range, min: 0}
              - id: ratio
                quantity: blocks under dydx ÷ under none
                published: {value: 1, unit: ratio, source: none}
                simulated: {sweep: short, point: {"agents[1].count": 20}, ratio: [{design: dydx-v4, metric: blocks}, {design: none, metric: blocks}]}
                band: {type: ratio, min: 0.99, max: 1.01}
              - id: rank
                quantity: blocks by design
                published: {value: "none < dydx-v4", unit: ranking, source: none}
                simulated: {sweep: short, metric: blocks, designs: [none, dydx-v4], point: {"agents[1].count": 20}}
                band: {type: ranking, order: [none, dydx-v4]}
                ci: false
            """;

    private static StudyPlan plan(String text, boolean ci) {
        return StudyPlan.of(ConfigTree.parse(text, "s.yaml"), "s.yaml", null, ci);
    }

    private static String refusal(String from, String to) {
        return refusal(STUDY, from, to, false);
    }

    /** The refusal of {@code study} with {@code from} replaced by {@code to} (its CI version with {@code ci}). */
    private static String refusal(String study, String from, String to, boolean ci) {
        String text = study.replace(from, to);
        assertTrue(!text.equals(study), "the test's replacement must change the study: " + from);
        return assertThrows(ConfigException.class, () -> plan(text, ci)).getMessage();
    }

    @Test
    void aValidStudyResolvesItsSweepsAndFigures() {
        StudyPlan full = plan(STUDY, false);
        assertEquals(List.of("short"), List.copyOf(full.sweeps().keySet()));
        assertEquals(3, full.sweeps().get("short").seeds().size());
        assertEquals(List.of("duration_seconds=60"), full.sweeps().get("short").overrides());
        assertInstanceOf(Quantity.Slope.class, full.figures().get(1).simulated());
        assertInstanceOf(Quantity.Ratio.class, full.figures().get(2).simulated());
        assertInstanceOf(Quantity.Ranking.class, full.figures().get(3).simulated());
        assertTrue(full.figures().stream().allMatch(StudyPlan.FigurePlan::asserted), "the full study asserts every row");
        StudyPlan ci = plan(STUDY, true);
        assertEquals(2, ci.sweeps().get("short").seeds().size(), "ci.replications replaces the sweep's");
        assertEquals(List.of("duration_seconds=60", "duration_seconds=30"), ci.sweeps().get("short").overrides(),
                "ci.overrides come after the sweep's own");
        assertEquals(List.of(false, true, true, false), ci.figures().stream().map(StudyPlan.FigurePlan::asserted).toList());
    }

    @Test
    void eachMistakeIsRefusedNamingTheKeyAndTheValue() {
        assertEquals("s.yaml: figures[0].simulated.sweep: no sweep with id 'long' (sweeps: short)",
                refusal("{sweep: short, design: none, metric: blocks, point", "{sweep: long, design: none, metric: blocks, point"));
        assertEquals("s.yaml: figures[0].simulated.design: 'maker' is not a design of sweep 'short' (none, dydx-v4)",
                refusal("design: none, metric: blocks, point", "design: maker, metric: blocks, point"));
        assertEquals("s.yaml: figures[0].simulated.design: is required, sweep 'short' has designs none, dydx-v4",
                refusal("{sweep: short, design: none, metric: blocks, point", "{sweep: short, metric: blocks, point"));
        assertEquals("s.yaml: figures[0].band.type: unknown band type 'interval' (known: range, order-of-magnitude, ratio,"
                + " sign, ranking)", refusal("{type: range, min: 59, max: 61}", "{type: interval, min: 59, max: 61}"));
        assertEquals("s.yaml: figures[0].simulated: give exactly one of metric (a summary metric) and measure (a registered"
                + " measure), got both", refusal("metric: blocks, point", "metric: blocks, measure: index-gap, point"));
        assertEquals("s.yaml: figures[0].simulated.point.agents[2].count: not a varied path of sweep 'short' (its paths:"
                + " agents[1].count)", refusal("point: {\"agents[1].count\": 10}}", "point: {\"agents[2].count\": 10}}"));
        assertEquals("s.yaml: figures[0].simulated.point: no point of sweep 'short' has the values {agents[1].count=15}",
                refusal("point: {\"agents[1].count\": 10}}", "point: {\"agents[1].count\": 15}}"));
        assertTrue(refusal("design: none, metric: blocks, point: {\"agents[1].count\": 10}}", "design: none, metric: blocks}")
                .startsWith("s.yaml: figures[0].simulated.point: selects 2 points of sweep 'short'"));
        assertEquals("s.yaml: figures[1].simulated.slope: 'agents[0].count' is not a varied path of sweep 'short'",
                refusal("slope: \"agents[1].count\"", "slope: \"agents[0].count\""));
        assertEquals("s.yaml: figures[3].band.order: must rank exactly simulated.designs [none, dydx-v4], got [none, binance]",
                refusal("order: [none, dydx-v4]", "order: [none, binance]"));
        assertEquals("s.yaml: figures[1].id: 'blocks' is already the id of another figure", refusal("id: slope", "id: blocks"));
        assertEquals("s.yaml: sweeps[0].id: must be a name of letters, digits, '.', '_' or '-' (it names folders), got"
                + " 'a b'", refusal("id: short", "id: a b"));
        // The sweep itself is checked as `backstop sweep` checks it, its errors under sweeps[i].
        assertTrue(refusal("replications: 3", "replications: 0").contains("s.yaml: sweeps[0]: replications: must be ≥ 1, got 0"));
        // A measure of trade prices needs every fill: a sweep at the default event level is refused.
        assertEquals("s.yaml: figures[0].simulated.measure: excess-kurtosis reads every fill, which only events: full keeps;"
                + " sweep 'short' writes events: losses",
                refusal("design: none, metric: blocks, point", "design: none, measure: excess-kurtosis, point"));
        String horizon = refusal("design: none, metric: blocks, point",
                "design: none, measure: excess-kurtosis, params: {price: index, horizon_seconds: 15}, point");
        assertEquals("s.yaml: figures[0].simulated.params.horizon_seconds: must be a multiple of the scenario's"
                + " sample_seconds (10.0), got 15.0", horizon);
        assertTrue(refusal("figures:", "figures:\n  - {id: x}\n").contains("figures[0].quantity: is required"));
        assertTrue(refusal("quantity: blocks run", "quantity: blocks run\n    colour: red").contains("colour"),
                "an unknown key is refused");
    }

    /** Two sweeps of one scenario that differ by an override, ranked against each other (the Mango study's oracles). */
    static final String ACROSS = """
            name: across
            sweeps:
              - id: short
                scenario: calm
                designs: [none]
                replications: 2
                overrides: [duration_seconds=60]
              - id: long
                scenario: calm
                designs: [none, dydx-v4]
                replications: 2
                overrides: [duration_seconds=120]
            figures:
              - id: rank
                quantity: blocks by sweep
                published: {value: "short < long", unit: ranking, source: none}
                simulated: {sweeps: [short, long], design: none, metric: blocks}
                band: {type: ranking, order: [short, long]}
            """;

    @Test
    void aRankingAcrossSweepsReadsTheSameDesignInEachAndIsCheckedLikeOneAcrossDesigns() {
        Quantity.Ranking r = assertInstanceOf(Quantity.Ranking.class,
                plan(ACROSS, false).figures().get(0).simulated());
        assertEquals(List.of("short", "long"), r.names());
        assertEquals(List.of("short", "long"), r.operands().stream().map(Quantity.Operand::sweep).toList());
        assertEquals(List.of("none", "none"), r.operands().stream().map(Quantity.Operand::design).toList());
        assertEquals("s.yaml: figures[0].band.order: must rank exactly simulated.sweeps [short, long], got [short, medium]",
                refusal(ACROSS, "order: [short, long]", "order: [short, medium]", false));
        assertEquals("s.yaml: figures[0].simulated.sweeps[1]: no sweep with id 'medium' (sweeps: short, long)",
                refusal(ACROSS, "sweeps: [short, long]", "sweeps: [short, medium]", false));
        assertEquals("s.yaml: figures[0].simulated: give sweeps (a ranking across sweeps) or sweep, not both",
                refusal(ACROSS, "{sweeps: [short, long],", "{sweep: short, sweeps: [short, long],", false));
        assertEquals("s.yaml: figures[0].simulated: ratio, slope, designs and sweeps are exclusive; give one of them",
                refusal(ACROSS, "design: none, metric", "designs: [none, dydx-v4], metric", false));
        assertEquals("s.yaml: figures[0].simulated.sweeps: a ranking needs at least two distinct sweeps, got [short, short]",
                refusal(ACROSS, "sweeps: [short, long]", "sweeps: [short, short]", false));
        // The design must be one of every sweep's: 'short' has only none.
        assertEquals("s.yaml: figures[0].simulated.sweeps[0].design: 'dydx-v4' is not a design of sweep 'short' (none)",
                refusal(ACROSS, "design: none, metric", "design: dydx-v4, metric", false));
        assertTrue(refusal(ACROSS, "band: {type: ranking, order: [short, long]}", "band: {type: range, max: 1}", false)
                .contains("a ranking band needs simulated.designs or simulated.sweeps"));
    }

    /** A replay study: the ADL waves under two designs, a shorter CI version. */
    static final String REPLAY = """
            name: replay
            sweeps:
              - id: waves
                scenario: hyperliquid-adl-waves
                designs: [queue, wealth-pro-rata]
                replications: 1
                overrides: [winners=40]
            ci:
              replications: 2
              overrides: [winners=20]
            figures:
              - id: queue
                quantity: haircut ÷ needed under the queue
                published: {value: 4, unit: ratio, source: none}
                simulated: {sweep: waves, design: queue, metric: adl_haircut_ratio}
                band: {type: range, min: 2, max: 6}
            """;

    private static String replayRefusal(String from, String to, boolean ci) {
        return refusal(REPLAY, from, to, ci);
    }

    @Test
    void aSweepWhoseScenarioNamesAReplayIsThatReplaysSweep() {
        StudyPlan full = plan(REPLAY, false);
        ReplaySweep waves = assertInstanceOf(ReplaySweep.class, full.sweeps().get("waves"));
        assertEquals(Replays.find("hyperliquid-adl-waves").orElseThrow(), waves.replay());
        assertEquals(List.of("queue-p0-s1", "wealth-pro-rata-p0-s1"), waves.runs().stream().map(StudySweep.Run::id).toList());
        assertEquals(List.of("winners=40"), waves.overrides());
        StudySweep ci = plan(REPLAY, true).sweeps().get("waves");
        assertEquals(List.of(1L, 2L), ci.seeds(), "ci.replications replaces the replay sweep's, as a sweep's");
        assertEquals(List.of("winners=40", "winners=20"), ci.overrides(), "ci.overrides come after the sweep's own");
        assertEquals(List.of("queue-p0-s1", "queue-p0-s2", "wealth-pro-rata-p0-s1", "wealth-pro-rata-p0-s2"),
                ci.runs().stream().map(StudySweep.Run::id).toList());
        assertInstanceOf(AgentSweep.class, plan(STUDY, false).sweeps().get("short"), "any other scenario is an agent world");
    }

    @Test
    void aReplaySweepRefusesWhatItCannotRunOrRead() {
        assertEquals("s.yaml: sweeps[0]: designs[1]: 'wealth' is not a design of replay hyperliquid-adl-waves (queue,"
                + " contract-pro-rata, minimal-haircut, wealth-pro-rata, risk-aware-pro-rata, hyperliquid-oracle)",
                replayRefusal("[queue, wealth-pro-rata]", "[queue, wealth]", false));
        assertEquals("s.yaml: sweeps[0]: designs[1]: 'queue' is listed twice",
                replayRefusal("[queue, wealth-pro-rata]", "[queue, queue]", false));
        assertEquals("s.yaml: sweeps[0]: overrides[0]: hyperliquid-adl-waves knows only winners=N, got"
                + " duration_seconds=60", replayRefusal("[winners=40]", "[duration_seconds=60]", false));
        assertEquals("s.yaml: sweeps[0]: overrides[1]: winners: must be a whole number ≥ 1, got many",
                replayRefusal("[winners=20]", "[winners=many]", true), "the CI overrides are checked by the replay too");
        assertEquals("s.yaml: sweeps[0]: replications: must be ≥ 1, got 0",
                replayRefusal("replications: 1", "replications: 0", false));
        assertEquals("s.yaml: sweeps[0]: parameters: a replay (hyperliquid-adl-waves) has no parameters to vary; give none",
                replayRefusal("replications: 1", "replications: 1\n    parameters: {grid: {winners: [10, 20]}}", false));
        assertEquals("s.yaml: sweeps[0]: events: a replay (hyperliquid-adl-waves) writes no events file; give none",
                replayRefusal("replications: 1", "replications: 1\n    events: full", false));
        assertEquals("s.yaml: figures[0].simulated.measure: sweep 'waves' is a replay (hyperliquid-adl-waves), whose runs"
                + " hold summary metrics only, not the result files of an agent world a measure reads; give a metric"
                + " (adl_needed, adl_haircut, adl_excess, adl_haircut_ratio, adl_lots_closed, adl_waves)",
                replayRefusal("metric: adl_haircut_ratio}", "measure: excess-kurtosis}", false));
        assertEquals("s.yaml: figures[0].simulated.point: sweep 'waves' is a replay (hyperliquid-adl-waves), which has no"
                + " parameter points, got {winners=40}",
                replayRefusal("metric: adl_haircut_ratio}", "metric: adl_haircut_ratio, point: {winners: 40}}", false));
        assertEquals("s.yaml: figures[0].simulated.slope: sweep 'waves' is a replay (hyperliquid-adl-waves), which has no"
                + " grid axis, got 'winners'",
                replayRefusal("metric: adl_haircut_ratio}", "metric: adl_haircut_ratio, slope: winners}", false));
        assertTrue(replayRefusal("overrides: [winners=40]", "overrides: [winners=40]\n    colour: red", false)
                .contains("colour"), "an unknown key is refused, as in a sweep");
    }
}
