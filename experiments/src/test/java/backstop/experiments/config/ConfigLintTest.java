package backstop.experiments.config;

import backstop.experiments.design.DesignSpec;
import backstop.experiments.design.Presets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLintTest {
    @Test
    void everyUnknownKeyAndWrongTypeIsReportedAtOnceWithItsPath() {
        ConfigException e = assertThrows(ConfigException.class, () -> Presets.parse("""
                name: x
                insurance_fundd: 5
                vault: lots
                liquidation:
                  type: throttled
                  throttle: {type: dydx, max_position_portion: 0.1, min_position_notional: 1000, max_notional_per_blok: 1}
                  limit: {type: slippage, slippage: 0.1}
                  penalty: {rate: 0.01, keeper_share: 0}
                waterfall: [{type: adl, ranking: RANDOM, winners_only: maybe}]
                """, "inline"));
        List<String> p = e.problems();
        assertEquals(4, p.size(), String.join("\n", p));
        assertTrue(p.get(0).startsWith("inline: insurance_fundd: unknown key (known: name,"), p.get(0));
        assertEquals("inline: vault: expected a number, got 'lots'", p.get(1));
        assertTrue(p.get(2).startsWith("inline: liquidation.throttle.max_notional_per_blok: unknown key"), p.get(2));
        assertEquals("inline: waterfall[0].winners_only: expected true or false, got 'maybe'", p.get(3));
    }

    @Test
    void aCleanDocumentHasNoProblems() {
        assertEquals(List.of(), ConfigLint.problems(ConfigTree.read("dydx-v4", "presets"), DesignSpec.class));
    }
}
