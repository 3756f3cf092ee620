package backstop.gui;

import backstop.experiments.design.Presets;
import backstop.experiments.scenario.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Console's parameters become exactly the {@code --set} overrides they stand for. */
class GuiParametersTest {

    @Test
    void untouchedParametersAddNoOverrides() {
        GuiParameters p = new GuiParameters();
        assertEquals(List.of(), p.scenarioOverrides());
        assertEquals(List.of(), p.designOverrides());
        assertEquals(Presets.load("none").toString(), p.loadDesign().toString());
    }

    @Test
    void typedFieldsBecomeSetAssignmentsInAFixedOrder() {
        GuiParameters p = new GuiParameters();
        p.setScenarioOverrides(" agents[0].count=5 ; ");
        p.maintenanceMargin(0.04);
        p.leveragedTraders(30);
        p.durationSeconds(120);
        p.insuranceFund(250000);
        p.penaltyRate(0.015);
        assertEquals(List.of("duration_seconds=120", "agents[1].count=30", "markets[0].maintenance_margin=0.04",
                "agents[0].count=5"), p.scenarioOverrides());
        assertEquals(List.of("liquidation.penalty.rate=0.015", "insurance_fund=250000"), p.designOverrides());
        assertEquals(120, p.loadScenario().durationSeconds());
    }

    @Test
    void aDesignOverrideChangesTheDesign() {
        GuiParameters p = new GuiParameters();
        String plain = p.loadDesign().toString();
        p.insuranceFund(123456);
        String topped = p.loadDesign().toString();
        assertNotEquals(plain, topped);
        assertTrue(topped.contains("123456"), topped);
    }

    @Test
    void anAddedBreakerJoinsThePresetsBreakersAndIsCheckedLikeAnyDesignKey() {
        GuiParameters p = new GuiParameters();
        p.setPreset(Presets.NAMES.indexOf("drift"));
        int before = p.loadDesign().breakers().size();
        p.setAddBreaker("{type: price-drop-trip, tolerance: 0.95, reset_seconds: 600}");
        assertEquals(before + 1, p.loadDesign().breakers().size());
        p.setAddBreaker("{type: price-drop-trip, tolerence: 0.95}");
        RuntimeException e = assertThrows(RuntimeException.class, p::loadDesign);
        assertTrue(e.getMessage().contains("tolerence"), e.getMessage());
    }

    @Test
    void theBreakerPickerOffersTheRegisteredBreakersAndFillsInAnExampleThatLoads() {
        GuiParameters p = new GuiParameters();
        List<Object> types = List.of(p.domBreakerType());
        assertEquals("none", types.get(0));
        assertEquals(backstop.experiments.design.Mechanisms.Kind.BREAKER.names(), types.subList(1, types.size()));
        p.setBreakerType(types.indexOf("oracle-staleness"));
        assertTrue(p.getAddBreaker().startsWith("{type: oracle-staleness, "), p.getAddBreaker());
        assertEquals(types.indexOf("oracle-staleness"), p.getBreakerType());
        assertEquals("oracle-staleness", backstop.experiments.design.Mechanisms.name(p.loadDesign().breakers().get(0)));
        p.setBreakerType(0);
        assertEquals("", p.getAddBreaker());
    }

    @Test
    void pickersListTheLibraryAndSelectByIndex() {
        GuiParameters p = new GuiParameters();
        assertEquals(Scenarios.NAMES, List.of(p.domScenario()));
        assertEquals(Presets.NAMES, List.of(p.domPreset()));
        p.setPreset(Presets.NAMES.indexOf("hyperliquid"));
        assertEquals("hyperliquid", p.presetName());
        assertEquals(Presets.NAMES.indexOf("hyperliquid"), p.getPreset());
    }

    @Test
    void aBadOverrideNamesItsKey() {
        GuiParameters p = new GuiParameters();
        p.setScenarioOverrides("no_such_key=3");
        RuntimeException e = assertThrows(RuntimeException.class, p::loadScenario);
        assertTrue(e.getMessage().contains("no_such_key"), e.getMessage());
    }

    @Test
    void argumentsPickScenarioPresetSeedAndOverrides() {
        GuiParameters p = GuiArguments.parse(new String[]{"luna-2022", "--preset", "dydx-v4", "--seed", "42",
                "--set", "duration_seconds=60", "--set", "agents[1].count=10"});
        assertEquals("luna-2022", p.scenarioName());
        assertEquals("dydx-v4", p.presetName());
        assertEquals(42, p.getSeed());
        assertEquals(List.of("duration_seconds=60", "agents[1].count=10"), p.scenarioOverrides());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GuiArguments.parse(new String[]{"--seed", "x"}));
        assertTrue(e.getMessage().contains("--seed") && e.getMessage().contains("'x'"), e.getMessage());
    }

    @Test
    void blankFieldsShowWhichDefaultTheyKeepAndBadTextIsRefusedNamingTheKey() {
        GuiParameters p = new GuiParameters();
        assertEquals("(scenario default)", p.getDurationSeconds());
        assertEquals("(scenario default)", p.getLeveragedTraders());
        assertEquals("(scenario default)", p.getMaintenanceMargin());
        assertEquals("(preset default)", p.getPenaltyRate());
        assertEquals("(preset default)", p.getInsuranceFund());
        p.setDurationSeconds("600");
        assertEquals("600", p.getDurationSeconds());
        assertEquals(List.of("duration_seconds=600"), p.scenarioOverrides());
        p.setDurationSeconds("  ");
        assertEquals("(scenario default)", p.getDurationSeconds(), "cleared: back to the default");
        p.setInsuranceFund("(preset default)");
        assertEquals(List.of(), p.designOverrides(), "the default's own text is the default");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.setDurationSeconds("ten")).getMessage()
                .contains("duration_seconds: not a number: ten"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.setLeveragedTraders("2.5")).getMessage()
                .contains("agents[1].count: must be a whole number, got 2.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.setMaintenanceMargin("0.9")).getMessage()
                .contains("markets[0].maintenance_margin: must be in [0, 0.5], got 0.9"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.setInsuranceFund("-5")).getMessage()
                .contains("insurance_fund: must be ≥ 0, got -5"));
        assertEquals("(scenario default)", p.getDurationSeconds(), "a refused text leaves the field as it was");
    }
}
