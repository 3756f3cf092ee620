package backstop.protocol.liquidation;

/**
 * What happens to an account below maintenance margin (DESIGN.md §4): how much is closed, where, at what
 * price and penalty. One class per technique; the catalogue (partial, throttled, auction, backstop vault…)
 * implements this interface.
 */
public interface LiquidationPolicy {
    /** Short name for configs and events. */
    String name();

    /** True: the protocol liquidates every liquidatable account at the end of each block by itself. */
    boolean protocolTriggered();

    /** True: keepers may liquidate with a {@code Liquidate} transaction (and earn a reward). */
    boolean keeperTriggered();

    /**
     * Acts on a liquidatable account. {@code liquidator} is the keeper's account, or -1 when the protocol
     * acts by itself; {@code causeId} is the event that made the account liquidatable.
     */
    void liquidate(LiquidationContext ctx, int account, int liquidator, long causeId);
}
