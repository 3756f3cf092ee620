package backstop.protocol.ledger;

/** What a system pot holds; decides whether it may go below zero. */
public enum PotKind {
    /** The world outside the protocol: deposits come from it and withdrawals go to it, so it is ≤ 0. */
    EXTERNAL(true),
    /** Trading fees kept by the protocol. */
    FEE_TREASURY(false),
    /** An insurance fund, shared or of one market. */
    INSURANCE_FUND(false),
    /** A backstop / liquidator vault that takes over positions (Hyperliquid HLP). */
    BACKSTOP_VAULT(false),
    /** Rewards owed to keepers and liquidators before they are paid out. */
    LIQUIDATOR_REWARDS(false),
    /** Transient pot that collects funding from payers before it is paid to receivers; dust goes to the treasury. */
    FUNDING_CLEARING(false),
    /**
     * Losses nobody absorbed: the negative of uncovered bad debt. Writing off an account's negative balance
     * posts from here, so this pot is ≤ 0 and conservation still holds.
     */
    UNCOVERED_LOSS(true),
    /**
     * Gas paid by agents to the chain's validators. Outside the protocol like {@link #EXTERNAL}, but kept apart
     * so Σ pots stays constant with gas included and flows show every unit paid for block space.
     */
    VALIDATORS(false);

    private final boolean mayGoNegative;

    PotKind(boolean mayGoNegative) {
        this.mayGoNegative = mayGoNegative;
    }

    /** Whether a balance below zero is normal for this kind (true) or a bug (false). */
    public boolean mayGoNegative() {
        return mayGoNegative;
    }
}
