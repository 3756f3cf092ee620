package backstop.experiments.design;

import backstop.experiments.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DesignOverridesTest {

    @Test
    void everyPresetSurvivesTheTreeRoundTripUnchanged() {
        for (String name : Presets.NAMES) {
            DesignSpec d = Presets.load(name);
            // A no-op assignment forces the write-as-tree, set, bind path; the record must come back equal.
            DesignSpec same = DesignOverrides.apply(d, List.of("design.name=" + name));
            assertEquals(d, same, name);
        }
    }

    @Test
    void setsNestedAndDefaultedKeysAndKeepsTheName() {
        DesignSpec d = Presets.load("dydx-v4");
        DesignSpec changed = DesignOverrides.apply(d, List.of("duration_seconds=600", "design.insurance_fund=20000",
                "design.liquidation.penalty.rate=0.03", "design.vault_lockup_seconds=60"));
        assertEquals("dydx-v4", changed.name());
        assertEquals(20000.0, changed.insuranceFund());
        assertEquals(0.03, ((LiquidationSpec.Throttled) changed.liquidation()).penalty().rate());
        assertEquals(60L, changed.vaultLockupSeconds());
        assertEquals(d.waterfall(), changed.waterfall());
    }

    @Test
    void withoutDesignAssignmentsTheDesignIsReturnedAsItIs() {
        DesignSpec d = Presets.load("binance");
        assertSame(d, DesignOverrides.apply(d, List.of("duration_seconds=600")));
    }

    @Test
    void splitsAssignmentsByTarget() {
        List<String> all = List.of("duration_seconds=600", "design.insurance_fund=0", "agents[1].count=5");
        assertEquals(List.of("duration_seconds=600", "agents[1].count=5"), DesignOverrides.scenarioPart(all));
        assertEquals(List.of("design.insurance_fund=0"), DesignOverrides.designPart(all));
    }

    @Test
    void unknownKeysAndBadValuesNameThePathAndTheValue() {
        DesignSpec d = Presets.load("dydx-v4");
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> DesignOverrides.apply(d, List.of("design.insurance_fnd=5")));
        assertTrue(unknown.getMessage().contains("design.insurance_fnd"), unknown.getMessage());
        ConfigException negative = assertThrows(ConfigException.class,
                () -> DesignOverrides.apply(d, List.of("design.liquidation.penalty.rate=-0.5")));
        assertTrue(negative.getMessage().contains("penalty.rate") && negative.getMessage().contains("-0.5"),
                negative.getMessage());
    }
}
