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
    void everyOutOfRangeValueIsReportedAtOnceDeepestFirstOncePerMistake() {
        ConfigException e = assertThrows(ConfigException.class, () -> Presets.parse("""
                name: x
                liquidation:
                  type: throttled
                  throttle: {type: dydx, max_position_portion: 1.5, min_position_notional: 1000, max_notional_per_block: 1}
                  limit: {type: slippage, slippage: 0.1}
                  penalty: {rate: -0.01, keeper_share: 0}
                waterfall: [{type: adl, ranking: RANDOM, price: BANKRUPTCY, winners_only: true}, {type: insurance-fund}]
                fee_to_insurance: 3
                """, "inline"));
        List<String> p = e.problems();
        // Ranges stated in the keys' @Doc are checked with the kinds, all at once.
        assertEquals(List.of(
                "inline: liquidation.throttle.max_position_portion: must be in [0, 1], got 1.5",
                "inline: liquidation.penalty.rate: must be in [0, 1], got -0.01",
                "inline: fee_to_insurance: must be in [0, 1], got 3.0"), p, String.join("\n", p));
        // The checks the protocol's constructors make, which the design runs at validation, name the part.
        ConfigException root = assertThrows(ConfigException.class, () -> Presets.parse("""
                name: x
                liquidation: {type: full-close, penalty: {rate: 0.01, keeper_share: 0}, limit: {type: slippage, slippage: 0.1}}
                fee_to_insurance: 3
                """, "inline"));
        assertEquals(List.of("inline: fee_to_insurance: must be in [0, 1], got 3.0"), root.problems());
        ConfigException built = assertThrows(ConfigException.class, () -> Presets.parse("""
                name: x
                liquidation: {type: full-close, penalty: {rate: 0.01, keeper_share: 0}, limit: {type: slippage, slippage: 0.1}}
                breakers: [{type: price-band, soft_limits: [0.05, 0.03], soft_halt_seconds: 60, hard_limit: 0.1, window_seconds: 3600}]
                """, "inline"));
        assertEquals(1, built.problems().size(), built.getMessage());
        assertTrue(built.problems().get(0).startsWith("inline: breakers[0]: "), built.getMessage());
    }

    @Test
    void aCleanDocumentHasNoProblems() {
        assertEquals(List.of(), ConfigLint.problems(ConfigTree.read("dydx-v4", "presets"), DesignSpec.class));
    }
}
