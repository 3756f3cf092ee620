package backstop.model.agent;

import backstop.model.world.WorldDriver;
import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WakeCalendarTest {
    @Test
    void theWakeBlockIsTheFirstBlockStartingAtOrAfterTheWakeTime() {
        MersenneTwisterFast rng = new MersenneTwisterFast(7);
        double[] blockSeconds = {0.1, 0.25, 0.4, 1, 2.5, 12};
        for (int i = 0; i < 20_000; i++) {
            double bs = blockSeconds[rng.nextInt(blockSeconds.length)];
            // Often exactly on a block boundary (the case floating point makes hard), otherwise anywhere.
            double seconds = rng.nextBoolean() ? rng.nextInt(2_000) * bs : rng.nextDouble() * 2_000 * bs;
            long b = 0;
            while (b * bs < seconds) {
                b++;
            }
            assertEquals(b, WakeCalendar.firstBlockAtOrAfter(seconds, bs), seconds + " s at " + bs + " s blocks");
        }
        assertEquals(0, WakeCalendar.firstBlockAtOrAfter(Double.NaN, 1), "a NaN wake time is always passed");
        assertEquals(WakeCalendar.NOT_FILED, WakeCalendar.firstBlockAtOrAfter(Double.POSITIVE_INFINITY, 1));
        assertEquals(WakeCalendar.NOT_FILED, WakeCalendar.firstBlockAtOrAfter(1e300, 1));
        assertEquals(1_000_000_000_000L, WakeCalendar.firstBlockAtOrAfter(1e12, 1));
    }

    @Test
    void theAgentsWokenInABlockActInIdOrderShuffledByTheOrderStream() {
        WorldDriver driver = WakeCalendarProperties.driver(1, 10);
        List<Integer> log = new ArrayList<>();
        WakeCalendar calendar = new WakeCalendar(driver.world(), new MersenneTwisterFast(42));
        for (int id = 0; id < 30; id++) {
            // Even ids wake every block, odd ones every 2 s from t = 1 s: blocks 1, 3, 5, ...
            var p = new WakeCalendarProperties.Probe(id, id % 2 == 0 ? 0 : 2, id % 2 == 0 ? 0 : 0.5);
            p.log = log;
            calendar.add(p);
        }
        MersenneTwisterFast expectedOrder = new MersenneTwisterFast(42);
        for (long b = 1; b <= 4; b++) {
            driver.moveEnvironment(b);
            log.clear();
            calendar.step(null);
            List<Integer> expected = new ArrayList<>();
            for (int id = 0; id < 30; id++) {
                if (id % 2 == 0 || b % 2 == 1) {
                    expected.add(id);
                }
            }
            for (int i = expected.size() - 1; i > 0; i--) {
                Collections.swap(expected, i, expectedOrder.nextInt(i + 1));
            }
            assertEquals(expected, log, "block " + b);
        }
        assertNotEquals(log.stream().sorted().toList(), log, "shuffled, not in id order");
    }

    @Test
    void anAgentThatNeverWakesIsNotOnTheCalendarAndBlocksMustComeInOrder() {
        WorldDriver driver = WakeCalendarProperties.driver(1, 10);
        WakeCalendar calendar = new WakeCalendar(driver.world(), new MersenneTwisterFast(1));
        var never = new WakeCalendarProperties.Probe(0, Double.POSITIVE_INFINITY, 0.5);
        var far = new WakeCalendarProperties.Probe(1, 1e9, 0.5);
        calendar.add(never);
        calendar.add(far);
        assertEquals(1, calendar.size(), "only the agent that wakes again");
        assertThrows(IllegalStateException.class, () -> calendar.add(far));
        driver.moveEnvironment(2);
        var e = assertThrows(IllegalStateException.class, () -> calendar.step(null));
        assertTrue(e.getMessage().contains("block 2 after block 0"), e.getMessage());
    }
}
