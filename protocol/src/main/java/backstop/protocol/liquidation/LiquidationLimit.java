package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;

/**
 * Where a liquidation order's limit sits: the worst price, in ticks, at which it may close the account's
 * position in a market (a sell limit for a long, a buy limit for a short).
 */
public interface LiquidationLimit {
    /** Short name for configs. */
    String name();

    /** The limit for closing (part of) the account's position in {@code market}, which must be open. */
    long limit(ProtocolContext ctx, int account, int market);
}
