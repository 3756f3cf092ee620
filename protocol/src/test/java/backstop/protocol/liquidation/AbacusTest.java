package backstop.protocol.liquidation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Maker's three abaci (MECHANISMS §6) on a start price of 130,000 ticks (oracle 100,000 × buf 1.30). */
class AbacusTest {
    private static final long TOP = 130_000;

    @Test
    void yfiAStairstepCutsOnePercentEveryNinetySeconds() {
        Abacus yfi = StairstepExponentialDecrease.yfiA();
        // top × 0.99^k after k whole steps of 90 s, rounded down: 130,000; 128,700; 127,413; 126,138.87.
        assertEquals(130_000, yfi.price(TOP, 0));
        assertEquals(130_000, yfi.price(TOP, 89), "no cut before the first full step");
        assertEquals(128_700, yfi.price(TOP, 90));
        assertEquals(128_700, yfi.price(TOP, 179));
        assertEquals(127_413, yfi.price(TOP, 180));
        assertEquals(126_138, yfi.price(TOP, 270));
    }

    @Test
    void yfiAStairstepReachesTheCuspAtStepNinetyTwoBeforeTheTail() {
        Abacus yfi = StairstepExponentialDecrease.yfiA();
        // 0.99^91 = 0.40068… and 0.99^92 = 0.39668…: the 0.4 cusp is crossed at 92 × 90 = 8,280 s < tail 8,400 s.
        assertEquals(52_089, yfi.price(TOP, 91 * 90));
        assertEquals(51_568, yfi.price(TOP, 92 * 90));
        assertTrue(yfi.price(TOP, 91 * 90) * 1_000_000 >= 400_000 * TOP);
        assertTrue(yfi.price(TOP, 92 * 90) * 1_000_000 < 400_000 * TOP);
        assertTrue(92 * 90 < AuctionTerms.yfiA().tailSeconds());
    }

    @Test
    void linearDecreaseFallsToZeroOverTau() {
        Abacus linear = new LinearDecrease(1_000);
        assertEquals(130_000, linear.price(TOP, 0));
        assertEquals(97_500, linear.price(TOP, 250));
        assertEquals(130, linear.price(TOP, 999));
        assertEquals(0, linear.price(TOP, 1_000));
        assertEquals(0, linear.price(TOP, 5_000));
        // Maker rounds the factor down first: ⌊2 × RAY / 3⌋ / RAY × 130,000 = 86,666.66… → 86,666.
        assertEquals(86_666, new LinearDecrease(3).price(TOP, 1));
    }

    @Test
    void exponentialDecreaseCutsEverySecondLikeMakersRpow() {
        Abacus exp = new ExponentialDecrease(999_000);
        assertEquals(130_000, exp.price(TOP, 0));
        assertEquals(129_870, exp.price(TOP, 1));
        assertEquals(129_740, exp.price(TOP, 2)); // 130,000 × 0.998001 = 129,740.13
        assertEquals(47_800, exp.price(TOP, 1_000)); // 130,000 × 0.999^1000 = 47,800.405…
        assertEquals(0, new ExponentialDecrease(1).price(TOP, 3)); // 1e-18 × 130,000 rounds to 0
        assertEquals(TOP, new ExponentialDecrease(1_000_000).price(TOP, 86_400), "cut 1 never decays");
    }

    @Test
    void rpowRoundsHalfUpAfterEachProductLikeMaker() {
        // (3e-14)² = 9e-28 is 0.9 RAY units: Maker's rpow rounds it to 1, not down to 0.
        assertEquals(java.math.BigInteger.ONE, ExponentialDecrease.rpow(java.math.BigInteger.valueOf(30_000_000_000_000L), 2));
        assertEquals(ExponentialDecrease.RAY, ExponentialDecrease.rpow(java.math.BigInteger.ZERO, 0));
    }

    @Test
    void invalidAbacusArgumentsNameTheArgument() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LinearDecrease(0)).getMessage().contains("tauSeconds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new StairstepExponentialDecrease(990_000, 0))
                .getMessage().contains("stepSeconds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ExponentialDecrease(1_000_001))
                .getMessage().contains("cutPpm"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AuctionTerms(2_000_000, 1, 0, 0, 0, 0, 0, 0))
                .getMessage().contains("bufPpm"));
    }
}
