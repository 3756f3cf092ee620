package backstop.protocol.waterfall;

import backstop.protocol.account.Accounts;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.margin.AccountRisk;

import java.util.ArrayList;
import java.util.List;

/**
 * One account's position in a market as an auto-deleveraging ranking sees it, valued at the margin price. All
 * amounts are quote micros, sizes signed lots.
 *
 * @param account                the account id
 * @param size                   signed position in lots
 * @param notional               size × margin price × quotePerLotTick (signed like size)
 * @param cost                   signed cost basis of the position ({@code Accounts.cost}, average-cost rule)
 * @param accountValue           the whole account's value: cash + Σ notionals (cross margin)
 * @param maintenanceRequirement the whole account's maintenance requirement
 * @param walletBalance          cash + Σ cost bases: deposits plus realized PnL, without unrealized PnL (Binance)
 */
public record AdlCandidate(int account, long size, long notional, long cost, long accountValue,
                           long maintenanceRequirement, long walletBalance) {

    /** Unrealized PnL = size × margin price × quotePerLotTick − cost. */
    public long unrealizedPnl() {
        return notional - cost;
    }

    /** Profit a haircut may take without pushing the account below zero value: min(uPnL, value)⁺. */
    public long haircuttableProfit() {
        return Math.max(0, Math.min(unrealizedPnl(), accountValue));
    }

    /** The account's position in {@code market} now (its size may be zero). */
    public static AdlCandidate of(ProtocolContext ctx, int account, int market) {
        Accounts accounts = ctx.accounts();
        long size = accounts.size(account, market);
        long notional = ctx.market(market).spec().notional(size, ctx.margin().marginPrice(market));
        long wallet = ctx.ledger().balance(account);
        for (long mask = accounts.positionMask(account); mask != 0; mask &= mask - 1) {
            wallet = Math.addExact(wallet, accounts.cost(account, Long.numberOfTrailingZeros(mask)));
        }
        AccountRisk r = ctx.risk(account);
        return new AdlCandidate(account, size, notional, accounts.cost(account, market), r.value(),
                r.maintenanceRequirement(), wallet);
    }

    /**
     * Holders of either side of {@code market} but {@code exclude} with profit to haircut (winners, as socialized loss
     * and risk-aware pro rata take from them), ascending id.
     */
    public static List<AdlCandidate> winners(ProtocolContext ctx, int market, int exclude) {
        List<AdlCandidate> out = new ArrayList<>();
        for (int side : new int[] {1, -1}) {
            for (AdlCandidate c : holders(ctx, market, side, exclude, true)) {
                if (c.haircuttableProfit() > 0) {
                    out.add(c);
                }
            }
        }
        out.sort((x, y) -> Integer.compare(x.account(), y.account()));
        return out;
    }

    /**
     * Every account except {@code exclude} whose position in {@code market} has the sign {@code side} (+1 long,
     * −1 short), in ascending account id; with {@code winnersOnly}, only those with positive unrealized PnL.
     */
    public static List<AdlCandidate> holders(ProtocolContext ctx, int market, int side, int exclude,
                                             boolean winnersOnly) {
        Accounts accounts = ctx.accounts();
        List<AdlCandidate> out = new ArrayList<>();
        for (int a = 0; a < accounts.count(); a++) {
            long size = accounts.size(a, market);
            if (a == exclude || size == 0 || Long.signum(size) != side) {
                continue;
            }
            AdlCandidate c = of(ctx, a, market);
            if (!winnersOnly || c.unrealizedPnl() > 0) {
                out.add(c);
            }
        }
        return out;
    }
}
