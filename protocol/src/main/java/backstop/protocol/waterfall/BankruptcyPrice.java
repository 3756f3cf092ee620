package backstop.protocol.waterfall;

import backstop.protocol.account.Accounts;
import backstop.protocol.context.ProtocolContext;

/**
 * The exact bankruptcy price in ticks of one position, the account's other positions held at their margin prices
 * (the integer form of {@code margin.LiquidationPrice.bankruptcy}): with rest = cash + Σ other notionals and s the
 * signed size, p_b = −rest / (s × quotePerLotTick). It is rounded against the bankrupt account — down for a long
 * (it sells), up for a short (it buys back) — so an offset at p_b leaves it at zero or a few micros below, never
 * above; and it is at least one tick.
 */
public final class BankruptcyPrice {
    private BankruptcyPrice() {
    }

    /** The bankruptcy price of the account's position in {@code market}, ticks (≥ 1). */
    public static long ticks(ProtocolContext ctx, int account, int market) {
        Accounts accounts = ctx.accounts();
        long size = accounts.size(account, market);
        if (size == 0) {
            throw new IllegalArgumentException("account " + account + " holds no position in market " + market);
        }
        long rest = ctx.ledger().balance(account);
        for (long mask = accounts.positionMask(account) & ~(1L << market); mask != 0; mask &= mask - 1) {
            int o = Long.numberOfTrailingZeros(mask);
            rest = Math.addExact(rest, ctx.market(o).spec().notional(accounts.size(account, o), ctx.margin().marginPrice(o)));
        }
        long perTick = Math.multiplyExact(Math.abs(size), ctx.market(market).spec().quotePerLotTick());
        long price = size > 0 ? Math.floorDiv(-rest, perTick) : -Math.floorDiv(-rest, perTick);
        return Math.max(1, price);
    }
}
