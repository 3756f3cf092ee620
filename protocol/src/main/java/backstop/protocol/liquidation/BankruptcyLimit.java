package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.waterfall.BankruptcyPrice;

/**
 * A liquidation order never trades beyond the position's bankruptcy price (BitMEX and Binance, MECHANISMS.md
 * §3): whatever the book will not take there is left for the insurance fund or auto-deleveraging rather than
 * turned into bad debt. One tick inside the rounded bankruptcy price, so a fill at the limit leaves the
 * account at zero or above before any penalty.
 */
public final class BankruptcyLimit implements LiquidationLimit {
    @Override
    public String name() {
        return "bankruptcy-price";
    }

    @Override
    public long limit(ProtocolContext ctx, int account, int market) {
        long p = BankruptcyPrice.ticks(ctx, account, market);
        // A long whose equity covers any price has p ≤ 0: its limit is then one tick, i.e. none.
        return ctx.accounts().size(account, market) > 0 ? Math.max(1, p + 1) : Math.max(1, p - 1);
    }
}
