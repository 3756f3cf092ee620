package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;

/**
 * How much of one position a {@link PartialLiquidation} step closes, and when the step may stop: a target
 * health (Aave v4, Drift), a close factor with dust rules (Aave v3.3), or a fixed fraction above a margin
 * ratio (Perpetual Protocol v1).
 */
public interface PartialCloseRule {
    /** Short name for configs and events. */
    String name();

    /**
     * Lots (absolute, 0 to the position's size) of the account's open position in {@code market} to close
     * now with an order limited at {@code limitPrice} ticks that is charged {@code penaltyPpm} of its notional.
     */
    long lotsToClose(ProtocolContext ctx, int account, int market, long limitPrice, long penaltyPpm);

    /** Whether the account is healthy enough that the step closes nothing more; by default, above maintenance. */
    default boolean satisfied(ProtocolContext ctx, int account) {
        return !ctx.risk(account).liquidatable();
    }
}
