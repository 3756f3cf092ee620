package backstop.analysis.game;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmpiricalGameTest {
    static final List<Role> ROLES = List.of(new Role("keepers", 2, List.of("aggressive", "moderate")));

    @Test
    void payoffHasTheMeanItsStandardErrorAndTInterval() {
        Profile p = Profile.of(ROLES, new int[] {1, 1});
        EmpiricalGame.Builder b = EmpiricalGame.builder(ROLES);
        for (double x : new double[] {2, 4, 4, 4, 6}) {
            b.addSample(p, "keepers", "aggressive", x);
        }
        Payoff pay = b.build().payoff(p, 0, 0).orElseThrow();
        // mean 4, sd √2, se √2/√5 = 0.632456; t(0.975, 4) = 2.776445, half-width 1.755978.
        assertEquals(5, pay.samples());
        assertEquals(4, pay.mean(), 1e-12);
        assertEquals(Math.sqrt(2) / Math.sqrt(5), pay.stdError(), 1e-12);
        assertEquals(4 - 1.755978, pay.ciLow(), 1e-6);
        assertEquals(4 + 1.755978, pay.ciHigh(), 1e-6);
    }

    @Test
    void aProfileIsCompleteOnceEveryStrategyPlayedHasASample() {
        Profile mixed = Profile.of(ROLES, new int[] {1, 1});
        Profile pure = Profile.of(ROLES, new int[] {2, 0});
        EmpiricalGame g = EmpiricalGame.builder(ROLES).addSample(mixed, 0, 0, 1.0).addSample(pure, 0, 0, 3.0).build();
        assertFalse(g.isComplete(mixed));
        assertTrue(g.isComplete(pure));
        assertEquals(List.of(pure), g.completeProfiles());
        assertEquals(List.of(pure, mixed), g.profiles());
        assertTrue(Double.isNaN(g.payoff(pure, 0, 0).orElseThrow().stdError()));   // one sample: no error, no interval
        assertTrue(g.payoff(mixed, 0, 1).isEmpty());
    }

    @Test
    void aPayoffOfAStrategyNobodyPlaysIsRefused() {
        Profile pure = Profile.of(ROLES, new int[] {2, 0});
        EmpiricalGame.Builder b = EmpiricalGame.builder(ROLES);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.addSample(pure, 0, 1, 1.0));
        assertTrue(e.getMessage().contains("keepers moderate: nobody plays it"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.addSample(pure, 0, 0, Double.NaN));
        b.put(pure, 0, 0, new Payoff(3, 1, 0.1, 0.5, 1.5));
        assertThrows(IllegalArgumentException.class, () -> b.addSample(pure, 0, 0, 1.0));
    }
}
