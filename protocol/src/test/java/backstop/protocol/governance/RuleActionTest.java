package backstop.protocol.governance;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a rule does to its parameter's value. */
class RuleActionTest {

    @Test
    void scalingRoundsAwayFromTheCurrentValueSoAStepAlwaysMoves() {
        assertEquals(1_358_024, RuleAction.scale(1_100_000).target(1_234_567, 0)); // ⌈1,358,023.7⌉
        assertEquals(1_111_110, RuleAction.scale(900_000).target(1_234_567, 0)); // ⌊1,111,110.3⌋
        assertEquals(6, RuleAction.scale(1_100_000).target(5, 0)); // ⌈5.5⌉: not stuck at 5
        assertEquals(4, RuleAction.scale(900_000).target(5, 0)); // ⌊4.5⌋
    }

    @Test
    void stepSetAndRestore() {
        assertEquals(1_050_000, RuleAction.step(50_000).target(1_000_000, 7));
        assertEquals(950_000, RuleAction.step(-50_000).target(1_000_000, 7));
        assertEquals(42, RuleAction.setTo(42).target(1_000_000, 7));
        assertEquals(7, RuleAction.restore().target(1_000_000, 7));
    }

    @Test
    void aNonPositiveFactorIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleAction.scale(0));
        assertTrue(e.getMessage().startsWith("factorPpm"), e.getMessage());
    }
}
