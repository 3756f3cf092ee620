package backstop.gui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `backstop gui --help` prints its usage instead of opening a window (or failing for want of a display). */
class GuiArgumentsHelpTest {
    @Test
    void helpIsRecognisedAndNamesEveryOption() {
        assertTrue(GuiArguments.wantsHelp(new String[] {"calm", "--help"}));
        assertTrue(GuiArguments.wantsHelp(new String[] {"-h"}));
        assertFalse(GuiArguments.wantsHelp(new String[] {"calm", "--seed", "2"}));
        for (String option : new String[] {"--preset", "--seed", "--set", "--help"}) {
            assertTrue(GuiArguments.USAGE.contains(option), option);
        }
    }
}
