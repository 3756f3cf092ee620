package backstop.protocol.waterfall;

import backstop.protocol.account.Accounts;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.AbsorberKind;
import backstop.protocol.money.Amounts;

import java.util.ArrayList;
import java.util.List;

/**
 * Auto-deleveraging in the waterfall's position stage (MECHANISMS.md §1–§3): each remaining position of a
 * bankrupt account is offset against the opposite side's accounts in the order of an {@link AdlRanking}, each
 * for min(remaining, its size), at the account's bankruptcy price (the counterparties pay its deficit) or at the
 * oracle or mark price (Hyperliquid: the deficit stays and goes on to the deficit stage). Every offset is a
 * {@code position_transfer} event of kind {@code adl}, which is what ADL fills and notional are counted from.
 *
 * <p>Positions are taken in order of their unrealized PnL, most negative first (ties by market). Each is offset at
 * its own bankruptcy price, which charges it its share of the account's deficit by maintenance requirement
 * ({@link BankruptcyPrice}, dYdX's definition), held to the band oracle × (1 ± band) (default
 * {@link #DEFAULT_BAND_PPM}): a position whose share would need a price beyond the band is offset at the band's
 * edge, and what it leaves of the deficit goes on, once the account is flat, to the waterfall's deficit stage (the
 * absorbers after this one, then uncovered), so no unit is lost. Counterparties are never skipped for their own health: BitMEX, Binance and dYdX close at the bankruptcy
 * price whatever it does to the winner, and a winner pushed below maintenance is liquidated at the next sweep like
 * anyone else. A halted market, or one where a breaker pauses liquidations, is left for a later block.
 */
public final class AutoDeleveraging implements LossAbsorber {
    /** The kind of the position transfers ADL makes. */
    public static final String KIND = "adl";
    /**
     * The default band of ADL at the bankruptcy price: oracle ± 50%, the widest price band a venue in
     * MECHANISMS.md documents (Binance's per-symbol cap/floor ratios, up to 50% in 2025, §3 [S41]).
     */
    public static final long DEFAULT_BAND_PPM = 500_000;

    private final AdlRanking ranking;
    private final AdlPrice price;
    private final boolean winnersOnly;
    private final long bandPpm;

    /** As {@link #AutoDeleveraging(AdlRanking, AdlPrice, boolean, long)} with the default band. */
    public AutoDeleveraging(AdlRanking ranking, AdlPrice price, boolean winnersOnly) {
        this(ranking, price, winnersOnly, DEFAULT_BAND_PPM);
    }

    /**
     * @param ranking     the counterparty order
     * @param price       where positions are offset: bankruptcy price, oracle or mark
     * @param winnersOnly true: only accounts with positive unrealized PnL are deleveraged (Hyperliquid, Binance in
     *                    effect); false: every opposite-side account, losers ranked after winners (dYdX's chain code
     *                    iterates all of them)
     * @param bandPpm     at the bankruptcy price: the band around the oracle it is held to, ppm in (0, 1e6)
     */
    public AutoDeleveraging(AdlRanking ranking, AdlPrice price, boolean winnersOnly, long bandPpm) {
        if (ranking == null || price == null) {
            throw new IllegalArgumentException("ranking and price: must not be null, got " + ranking + ", " + price);
        }
        if (bandPpm <= 0 || bandPpm >= Amounts.PPM) {
            throw new IllegalArgumentException("bandPpm: must be in (0, 1000000), got " + bandPpm);
        }
        this.bandPpm = bandPpm;
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

    /** The band around the oracle ADL at the bankruptcy price keeps to, ppm. */
    public long bandPpm() {
        return bandPpm;
    }

    /** Where positions are offset. */
    public AdlPrice price() {
        return price;
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
            case BANKRUPTCY -> BankruptcyPrice.inBand(ctx, account, market, bandPpm);
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
