package backstop.protocol.waterfall;

import backstop.protocol.account.Accounts;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.AbsorberKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Auto-deleveraging in the waterfall's position stage (MECHANISMS.md §1–§3): each remaining position of a
 * bankrupt account is offset against the opposite side's accounts in the order of an {@link AdlRanking}, each
 * for min(remaining, its size), at the account's bankruptcy price (the counterparties pay its deficit) or at the
 * oracle or mark price (Hyperliquid: the deficit stays and goes on to the deficit stage). Every offset is a
 * {@code position_transfer} event of kind {@code adl}, which is what ADL fills and notional are counted from.
 *
 * <p>Positions are taken in order of their unrealized PnL, most negative first (ties by market), so the deficit
 * is charged at the bankruptcy price of the position that lost it; the others then offset at about their margin
 * price. Counterparties are never skipped for their own health: BitMEX, Binance and dYdX close at the bankruptcy
 * price whatever it does to the winner, and a winner pushed below maintenance is liquidated at the next sweep like
 * anyone else. A halted market, or one where a breaker pauses liquidations, is left for a later block.
 */
public final class AutoDeleveraging implements LossAbsorber {
    /** The kind of the position transfers ADL makes. */
    public static final String KIND = "adl";

    private final AdlRanking ranking;
    private final AdlPrice price;
    private final boolean winnersOnly;

    /**
     * @param ranking     the counterparty order
     * @param price       where positions are offset: bankruptcy price, oracle or mark
     * @param winnersOnly true: only accounts with positive unrealized PnL are deleveraged (Hyperliquid, Binance in
     *                    effect); false: every opposite-side account, losers ranked after winners (dYdX's chain code
     *                    iterates all of them)
     */
    public AutoDeleveraging(AdlRanking ranking, AdlPrice price, boolean winnersOnly) {
        if (ranking == null || price == null) {
            throw new IllegalArgumentException("ranking and price: must not be null, got " + ranking + ", " + price);
        }
        this.ranking = ranking;
        this.price = price;
        this.winnersOnly = winnersOnly;
    }

    @Override
    public String name() {
        return "adl-" + ranking.name();
    }

    @Override
    public AbsorberKind kind() {
        return AbsorberKind.ADL;
    }

    public AdlRanking ranking() {
        return ranking;
    }

    @Override
    public void resolvePositions(ProtocolContext ctx, int account, long causeId) {
        for (int m : marketsMostLosingFirst(ctx, account)) {
            if (ctx.liquidationAllowed(m)) {
                offset(ctx, account, m, causeId);
            }
        }
    }

    /** Offsets the account's position in one market; returns the lots offset. */
    long offset(ProtocolContext ctx, int account, int market, long causeId) {
        long size = ctx.accounts().size(account, market);
        if (size == 0) {
            return 0;
        }
        long at = switch (price) {
            case BANKRUPTCY -> BankruptcyPrice.ticks(ctx, account, market);
            case ORACLE -> ctx.market(market).oraclePrice();
            case MARK -> ctx.market(market).markPrice();
        };
        List<AdlCandidate> ranked = ranking.rank(AdlCandidate.holders(ctx, market, -Long.signum(size), account,
                winnersOnly));
        long[] lots = ranking.allocate(ranked, Math.abs(size));
        long done = 0;
        for (int i = 0; i < lots.length; i++) {
            if (lots[i] > 0) {
                // The counterparty takes the bankrupt side: a short winner buys the bankrupt long, and so on.
                ctx.transferPosition(account, ranked.get(i).account(), market, Long.signum(size) * lots[i], at, KIND,
                        causeId);
                done += lots[i];
            }
        }
        return done;
    }

    /** The account's markets, its most negative unrealized PnL first, ties by market id. */
    static List<Integer> marketsMostLosingFirst(ProtocolContext ctx, int account) {
        Accounts accounts = ctx.accounts();
        List<Integer> out = new ArrayList<>();
        for (long mask = accounts.positionMask(account); mask != 0; mask &= mask - 1) {
            out.add(Long.numberOfTrailingZeros(mask));
        }
        out.sort((x, y) -> {
            int c = Long.compare(pnl(ctx, account, x), pnl(ctx, account, y));
            return c != 0 ? c : Integer.compare(x, y);
        });
        return out;
    }

    private static long pnl(ProtocolContext ctx, int account, int market) {
        long size = ctx.accounts().size(account, market);
        return ctx.market(market).spec().notional(size, ctx.margin().marginPrice(market)) - ctx.accounts().cost(account, market);
    }
}
