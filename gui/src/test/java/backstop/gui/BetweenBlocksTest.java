package backstop.gui;

import backstop.experiments.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A breaker typed into the control panel is checked on the spot, before anything is queued. */
class BetweenBlocksTest {
    private final BetweenBlocks edits = new BetweenBlocks(null, () -> null, new Interventions(), line -> { });

    @Test
    void aWrongBreakerKeyOrValueIsNamedAtOnce() {
        ConfigException key = assertThrows(ConfigException.class,
                () -> edits.breaker("{type: price-drop-trip, tolerence: 0.5, reset_seconds: 600}"));
        assertTrue(key.getMessage().contains("tolerence"), key.getMessage());
        ConfigException type = assertThrows(ConfigException.class, () -> edits.breaker("{type: no-such-breaker}"));
        assertTrue(type.getMessage().contains("no-such-breaker"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> edits.breaker(" "));
    }

    @Test
    void aValidBreakerNeedsARunningModel() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> edits.breaker("{type: price-drop-trip, tolerance: 0.5, reset_seconds: 600}"));
        assertTrue(e.getMessage().contains("start a run first"), e.getMessage());
    }
}
