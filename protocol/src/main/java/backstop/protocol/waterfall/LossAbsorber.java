package backstop.protocol.waterfall;

import backstop.protocol.liquidation.LiquidationContext;

/**
 * One step of the loss waterfall (DESIGN.md §4): insurance fund, backstop vault, ADL, socialized loss.
 * Given an account's deficit it pays into the account what it can and returns how much that was.
 */
public interface LossAbsorber {
    /** Short name for configs and events. */
    String name();

    /**
     * Covers up to {@code deficit} (> 0) of the flat {@code account}'s negative balance by posting into it;
     * returns the amount covered (0 ≤ result ≤ deficit). {@code market} is the market the loss arose in.
     */
    long absorb(LiquidationContext ctx, int account, int market, long deficit, long causeId);
}
