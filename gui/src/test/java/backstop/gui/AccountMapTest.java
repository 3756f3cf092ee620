package backstop.gui;

import org.junit.jupiter.api.Test;
import sim.util.Double2D;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Account classification and placement on the account map, with hand-computed positions. */
class AccountMapTest {

    private static AccountDot dot(double value, double notional, double maintenance) {
        return new AccountDot(1, 1, "leveraged_trader", value, notional, value / maintenance, maintenance,
                AccountState.HEALTHY);
    }

    @Test
    void statesFollowTheirPrecedence() {
        assertEquals(AccountState.BANKRUPT, AccountState.of(-0.5, true, true, true));
        assertEquals(AccountState.BEING_LIQUIDATED, AccountState.of(0.9, false, false, true));
        assertEquals(AccountState.BEING_LIQUIDATED, AccountState.of(3, false, true, false));
        assertEquals(AccountState.DELEVERAGED, AccountState.of(3, false, false, true));
        assertEquals(AccountState.AT_RISK, AccountState.of(1.49, false, false, false));
        assertEquals(AccountState.HEALTHY, AccountState.of(1.5, false, false, false));
    }

    @Test
    void leverageAndDistanceToLiquidationFollowTheirDefinitions() {
        // 10× on 1000 of value with a 3% maintenance requirement (300): a 7% adverse move reaches maintenance.
        AccountDot d = dot(1_000, 10_000, 300);
        assertEquals(10, d.getLeverage(), 1e-12);
        assertEquals(0.07, d.getDistanceToLiquidation(), 1e-12);
    }

    @Test
    void placementIsLogLeverageAcrossAndDistanceDown() {
        // x: log(10 / 0.1) / log(100 / 0.1) × 100 = 2/3 × 100; y: (1 − 0.07 / 1) × 100 = 93.
        Double2D at = AccountMap.place(dot(1_000, 10_000, 300));
        assertEquals(200.0 / 3, at.x, 1e-9);
        assertEquals(93, at.y, 1e-9);
        // Liquidatable accounts sit on the bottom edge; leverage beyond 100× on the right edge.
        Double2D under = AccountMap.place(dot(10, 10_000, 300));
        assertEquals(100, under.x, 1e-9);
        assertEquals(100, under.y, 1e-9);
    }
}
