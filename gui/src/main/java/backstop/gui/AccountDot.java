package backstop.gui;

/**
 * One account on the account map at one block; its getters are what the MASON inspector shows when the dot
 * is double-clicked. Amounts are quote units (micro-units / 10^6).
 */
public final class AccountDot {
    private final int account;
    private final int owner;
    private final String agentClass;
    private final double value;
    private final double notional;
    private final double health;
    private final double maintenance;
    private final AccountState state;

    public AccountDot(int account, int owner, String agentClass, double value, double notional, double health,
                      double maintenance, AccountState state) {
        this.maintenance = maintenance;
        this.account = account;
        this.owner = owner;
        this.agentClass = agentClass;
        this.value = value;
        this.notional = notional;
        this.health = health;
        this.state = state;
    }

    public int getAccount() {
        return account;
    }

    public int getOwner() {
        return owner;
    }

    public String getAgentClass() {
        return agentClass;
    }

    public double getValue() {
        return value;
    }

    public double getNotional() {
        return notional;
    }

    /** Notional over value; +∞ for an account with no value left. */
    public double getLeverage() {
        return value > 0 ? notional / value : Double.POSITIVE_INFINITY;
    }

    /** Value over maintenance requirement: liquidatable below 1. */
    public double getHealth() {
        return health;
    }

    /** The maintenance requirement. */
    public double getMaintenance() {
        return maintenance;
    }

    /**
     * The adverse price move, as a fraction of price, that takes value down to the maintenance requirement:
     * (value − maintenance) / notional; negative once liquidatable, +∞ with no position.
     */
    public double getDistanceToLiquidation() {
        return notional > 0 ? (value - maintenance) / notional : Double.POSITIVE_INFINITY;
    }

    public String getState() {
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }

    public AccountState state() {
        return state;
    }

    @Override
    public String toString() {
        return "account " + account + " (" + agentClass + ", " + getState() + ")";
    }
}
