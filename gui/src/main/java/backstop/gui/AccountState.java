package backstop.gui;

import java.awt.Color;

/** How an account stands, as the account map colours it. */
public enum AccountState {
    HEALTHY(new Color(40, 160, 70)),
    AT_RISK(new Color(230, 170, 0)),
    BEING_LIQUIDATED(new Color(230, 60, 30)),
    BANKRUPT(new Color(120, 0, 120)),
    DELEVERAGED(new Color(30, 110, 220));

    /** Health (value / maintenance requirement) below which an account counts as at risk. */
    public static final double AT_RISK_HEALTH = 1.5;

    private final Color colour;

    AccountState(Color colour) {
        this.colour = colour;
    }

    public Color colour() {
        return colour;
    }

    /**
     * Classifies by precedence: bankrupt, then liquidated or liquidatable, then deleveraged by ADL, then by
     * health.
     */
    public static AccountState of(double health, boolean bankrupt, boolean liquidating, boolean deleveraged) {
        if (bankrupt) {
            return BANKRUPT;
        }
        if (liquidating || health < 1) {
            return BEING_LIQUIDATED;
        }
        if (deleveraged) {
            return DELEVERAGED;
        }
        return health < AT_RISK_HEALTH ? AT_RISK : HEALTHY;
    }
}
