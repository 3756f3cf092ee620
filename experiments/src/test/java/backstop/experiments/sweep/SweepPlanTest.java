package backstop.experiments.sweep;

import backstop.experiments.config.ConfigException;
import backstop.experiments.config.ConfigTree;
import backstop.experiments.results.EventLevel;
import backstop.experiments.scenario.ScenarioSpec;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepPlanTest {
    static final String HEAD = """
            name: t
            scenario: calm
            overrides: [duration_seconds=60, "agents[1].count=30"]
            """;

    static SweepPlan plan(String yaml) {
        return SweepPlan.of(ConfigTree.parse(yaml, "t.yaml"), "t.yaml", null);
    }

    @Test
    void aSweepWritesLossEventsUnlessItsFileSaysOtherwise() {
        String designs = "designs: [none]\nreplications: 1\n";
        assertEquals(EventLevel.LOSSES, plan(HEAD + designs).events());
        assertEquals("losses", plan(HEAD + designs).resolved().get("events"), "sweep.json records the level");
        assertEquals(EventLevel.FULL, plan(HEAD + designs + "events: full\n").events());
        assertEquals(EventLevel.NONE, plan(HEAD + designs + "events: full\n").withEvents(EventLevel.NONE).events());
        ConfigException e = assertThrows(ConfigException.class, () -> plan(HEAD + designs + "events: some\n"));
        assertTrue(e.getMessage().contains("events") && e.getMessage().contains("some"), e.getMessage());
    }

    @Test
    void everyDesignRunsOnEveryPointWithTheSameSeeds() {
        SweepPlan p = plan(HEAD + """
                designs: [none, {extends: dydx-v4, name: big-fund, insurance_fund: 5000000}]
                baseline: big-fund
                replications: 3
                base_seed: 9
                parameters:
                  grid: {duration_seconds: [60, 120], "agents[1].count": [10, 20, 30]}
                """);
        assertEquals(List.of(9L, 10L, 11L), p.seeds());
        assertEquals("big-fund", p.baseline());
        assertEquals(6, p.points().size());
        assertEquals(2 * 6 * 3, p.runs().size());
        // The last path varies fastest.
        assertEquals("{duration_seconds=60, agents[1].count=20}", p.points().get(1).values().toString());
        assertEquals("{duration_seconds=120, agents[1].count=10}", p.points().get(3).values().toString());
        // Ids are padded so that text order is numeric order, and the runs are listed in that order.
        assertEquals("big-fund-p0-s09", p.runs().get(0).id());
        assertEquals("none-p5-s11", p.runs().get(p.runs().size() - 1).id());
        for (int i = 1; i < p.runs().size(); i++) {
            assertTrue(p.runs().get(i - 1).id().compareTo(p.runs().get(i).id()) < 0);
        }
        // Common random numbers: each design sees exactly the same (point, seed) pairs.
        Set<String> none = new HashSet<>();
        Set<String> big = new HashSet<>();
        for (PlannedRun r : p.runs()) {
            (r.design().name().equals("none") ? none : big).add(r.point().index() + "/" + r.seed());
        }
        assertEquals(18, none.size());
        assertEquals(none, big);
        PlannedRun r = p.runs().get(0);
        assertEquals(List.of("duration_seconds=60", "agents[1].count=30", "duration_seconds=60", "agents[1].count=10"),
                r.overrides());
        assertEquals(5_000_000.0, r.design().insuranceFund());
    }

    @Test
    void withoutParametersThereIsOnePointAndTheBaselineIsTheFirstDesign() {
        SweepPlan p = plan(HEAD + "designs: [dydx-v4, none]\nreplications: 2\n");
        assertEquals(1, p.points().size());
        assertEquals("dydx-v4", p.baseline());
        assertEquals(List.of("dydx-v4-p0-s1", "dydx-v4-p0-s2", "none-p0-s1", "none-p0-s2"),
                p.runs().stream().map(PlannedRun::id).toList());
    }

    @Test
    void latinHypercubePutsExactlyOnePointInEveryStratumOfEveryDimension() {
        SweepPlan p = plan(HEAD + """
                designs: [none]
                replications: 1
                parameters:
                  mode: latin-hypercube
                  samples: 8
                  parameter_seed: 42
                  ranges: {"markets[0].venue.depth": [1.0e6, 9.0e6], "agents[1].count": [10, 17]}
                """);
        Set<Long> depthStrata = new HashSet<>();
        Set<Long> counts = new HashSet<>();
        for (ParameterPoint pt : p.points()) {
            double depth = pt.values().get("markets[0].venue.depth").asDouble();
            assertTrue(depth >= 1e6 && depth < 9e6, "in range: " + depth);
            depthStrata.add((long) Math.floor((depth - 1e6) / 1e6));
            JsonNode count = pt.values().get("agents[1].count");
            assertTrue(count.isIntegralNumber(), "integer bounds give integers: " + count);
            counts.add(count.asLong());
        }
        assertEquals(Set.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), depthStrata);
        // Eight integers 10..17 in eight strata: each exactly once.
        assertEquals(Set.of(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L), counts);
    }

    @Test
    void randomPointsAreFixedByTheParameterSeed() {
        String body = HEAD + """
                designs: [none]
                replications: 1
                parameters:
                  mode: random
                  samples: 5
                  parameter_seed: %d
                  ranges: {"markets[0].venue.depth": [1.0e6, 2.0e6]}
                """;
        List<ParameterPoint> a = plan(body.formatted(7)).points();
        assertEquals(a, plan(body.formatted(7)).points());
        assertNotEquals(a, plan(body.formatted(8)).points());
        assertEquals(5, a.size());
        // The values are the seed's first five uniform draws, scaled.
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (ParameterPoint pt : a) {
            assertEquals(1e6 + rnd.nextDouble() * 1e6, pt.values().get("markets[0].venue.depth").asDouble());
        }
    }

    @Test
    void valuesAreWrittenInPlainDecimalSoTheyReadBackAsNumbers() {
        assertEquals("12345678.9", ParameterPoint.text(com.fasterxml.jackson.databind.node.DoubleNode.valueOf(1.23456789e7)));
        assertEquals("10000000.0", ParameterPoint.text(com.fasterxml.jackson.databind.node.DoubleNode.valueOf(1e7)));
        assertEquals("0.00001", ParameterPoint.text(com.fasterxml.jackson.databind.node.DoubleNode.valueOf(1e-5)));
        java.util.Map<String, JsonNode> v = new java.util.LinkedHashMap<>();
        v.put("markets[0].tick_size", com.fasterxml.jackson.databind.node.TextNode.valueOf("0.1"));
        v.put("agents[1].count", com.fasterxml.jackson.databind.node.IntNode.valueOf(3));
        v.put("markets[0].venue.depth", com.fasterxml.jackson.databind.node.DoubleNode.valueOf(2e7));
        assertEquals(List.of("markets[0].tick_size=\"0.1\"", "agents[1].count=3", "markets[0].venue.depth=20000000.0"),
                new ParameterPoint(0, v).assignments());
        // And a drawn real reaches the scenario as that number.
        SweepPlan p = plan(HEAD + """
                designs: [none]
                replications: 1
                parameters: {grid: {"markets[0].venue.depth": [1.5e7]}}
                """);
        assertEquals(1.5e7, SweepPlan.scenarioOf(p.runs().get(0)).markets().get(0).venue().depth());
    }

    @Test
    void designKeysVaryEveryDesignAndLeaveTheScenarioAlone() {
        SweepPlan p = plan("""
                name: t
                scenario: calm
                designs: [dydx-v4, binance]
                overrides: [duration_seconds=60, "agents[1].count=30", "design.vault_lockup_seconds=60"]
                replications: 1
                parameters:
                  grid: {design.insurance_fund: [0, 250000], design.liquidation.penalty.rate: [0.01]}
                """);
        assertEquals(2 * 2, p.runs().size());
        for (PlannedRun r : p.runs()) {
            double fund = r.point().index() == 0 ? 0 : 250_000;
            assertEquals(fund, r.design().insuranceFund(), r.id());
            assertEquals(60L, r.design().vaultLockupSeconds(), r.id());
            assertEquals(List.of("duration_seconds=60", "agents[1].count=30"), backstop.experiments.design.DesignOverrides.scenarioPart(r.overrides()));
            assertEquals(60, SweepPlan.scenarioOf(r).durationSeconds(), r.id());
        }
        // The design keeps its name, so comparison.csv still lines the points of one design up.
        assertEquals(List.of("binance", "binance", "dydx-v4", "dydx-v4"),
                p.runs().stream().map(r -> r.design().name()).toList());
    }

    @Test
    void aBadDesignKeyIsRefusedNamingThePointAndTheDesign() {
        ConfigException e = assertThrows(ConfigException.class, () -> plan(HEAD + """
                designs: [none]
                replications: 1
                parameters:
                  grid: {design.insurance_fund: [1000, -5]}
                """));
        assertTrue(e.getMessage().contains("parameters.grid (point 1, design none)"), e.getMessage());
        assertTrue(e.getMessage().contains("insurance_fund") && e.getMessage().contains("-5"), e.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class, () -> plan(HEAD + """
                designs: [none]
                replications: 1
                parameters:
                  grid: {design.insurance_fond: [1000]}
                """));
        assertTrue(unknown.getMessage().contains("design.insurance_fond"), unknown.getMessage());
    }

    @Test
    void aScenarioAxisRunsEveryDesignOnEveryScenarioWithTheSameSeeds() {
        SweepPlan p = plan("""
                name: t
                overrides: [duration_seconds=60]
                designs: [none, dydx-v4]
                replications: 2
                parameters:
                  grid: {scenario: [calm, luna-2022], "agents[1].count": [20]}
                """);
        assertEquals(2 * 2 * 2, p.runs().size());
        for (PlannedRun r : p.runs()) {
            String expected = r.point().index() == 0 ? "calm" : "luna-2022";
            assertEquals(expected, r.scenario(), r.id());
            ScenarioSpec s = SweepPlan.scenarioOf(r);
            assertEquals(expected, s.name());
            assertEquals(60, s.durationSeconds(), r.id());
            assertEquals(List.of("duration_seconds=60", "agents[1].count=20"), r.overrides(), "the axis is no --set");
        }
        assertEquals(null, p.scenario(), "no base scenario is needed when the axis lists them");
    }

    @Test
    void aScenarioAxisIsCheckedScenarioByScenario() {
        ConfigException unknown = assertThrows(ConfigException.class, () -> plan("""
                name: t
                designs: [none]
                replications: 1
                parameters: {grid: {scenario: [calm, nonesuch]}}
                """));
        assertTrue(unknown.getMessage().contains("parameters.grid.scenario (nonesuch): unknown scenario 'nonesuch'"),
                unknown.getMessage());
        ConfigException override = assertThrows(ConfigException.class, () -> plan("""
                name: t
                designs: [none]
                overrides: ["markets[1].venue.depth=1000"]
                replications: 1
                parameters: {grid: {scenario: [ftx-2022, calm]}}
                """));
        assertTrue(override.getMessage().contains("(scenario calm): overrides[0]"), override.getMessage());
        ConfigException sampled = assertThrows(ConfigException.class, () -> plan("""
                name: t
                scenario: calm
                designs: [none]
                replications: 1
                parameters: {mode: random, samples: 2, ranges: {scenario: [calm, luna-2022]}}
                """));
        assertTrue(sampled.getMessage().contains("parameters.ranges.scenario: scenarios are listed, not sampled"),
                sampled.getMessage());
        ConfigException none = assertThrows(ConfigException.class, () -> plan("""
                name: t
                designs: [none]
                replications: 1
                """));
        assertTrue(none.getMessage().contains("scenario: is required"), none.getMessage());
    }

    @Test
    void aDuplicateDesignNameIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> plan(HEAD
                + "designs: [none, {extends: dydx-v4, name: none}]\nreplications: 1\n"));
        assertEquals("t.yaml: designs[1].name: 'none' is already the name of designs[0]; every design needs a unique name",
                e.getMessage());
    }

    @Test
    void theExampleSweepsAreValid() {
        SweepPlan presets = SweepPlan.load(java.nio.file.Path.of("sweeps/presets-black-thursday.yaml"));
        assertEquals(backstop.experiments.design.Presets.NAMES, presets.designs().stream().map(d -> d.name()).toList());
        assertEquals(10 * 3, presets.runs().size());
        SweepPlan grid = SweepPlan.load(java.nio.file.Path.of("sweeps/insurance-depth-grid.yaml"));
        assertEquals(2 * 3 * 3, grid.runs().size());
        SweepPlan fund = SweepPlan.load(java.nio.file.Path.of("sweeps/fund-and-penalty.yaml"));
        assertEquals(2 * 6 * 2, fund.runs().size());
        SweepPlan pooled = SweepPlan.load(java.nio.file.Path.of("sweeps/pooled-insurance.yaml"));
        assertEquals(3 * 2, pooled.runs().size());
        SweepPlan crashes = SweepPlan.load(java.nio.file.Path.of("sweeps/presets-across-crashes.yaml"));
        assertEquals(4 * 4 * 2, crashes.runs().size());
    }
}
