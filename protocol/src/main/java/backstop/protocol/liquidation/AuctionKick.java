package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.EventBus;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.money.Amounts;

import java.util.ArrayList;
import java.util.List;

/**
 * Maker's {@code bark} (LIQ-2.0) or {@code bite} (LIQ-1.2) for a perp account (MECHANISMS §6): sizes one auction per
 * position, refuses the kick when the tabs would pass {@code Hole} or a market's {@code ilk.hole}, then seizes the
 * account's equity and positions into the vault at the oracle and pays the kicking keeper its incentive (tip + chip ×
 * tab). With a lot cap (Cat's {@code lump}) a kick seizes at most that many lots of a position, with the same share
 * of the account's equity (cat.sol: {@code art = lot × urn.art / ink}), so the account keeps its health and stays
 * liquidatable for the next bite.
 */
final class AuctionKick {
    private final KickTerms terms;
    private final ActiveAuctions active;
    private final String policy;
    private final java.util.function.ToLongBiFunction<ProtocolContext, Integer> lump;

    /** Dutch auctions: the whole of every position, kicks named {@link DutchAuctionLiquidation#NAME}. */
    AuctionKick(AuctionParameters terms, ActiveAuctions active) {
        this(terms, active, DutchAuctionLiquidation.NAME, (ctx, m) -> Long.MAX_VALUE);
    }

    /**
     * @param policy the policy name on the kick's {@code liquidation} event
     * @param lump   the most lots one kick seizes of a position in a market (Long.MAX_VALUE: all of it)
     */
    AuctionKick(KickTerms terms, ActiveAuctions active, String policy,
                java.util.function.ToLongBiFunction<ProtocolContext, Integer> lump) {
        this.terms = terms;
        this.active = active;
        this.policy = policy;
        this.lump = lump;
    }

    /** Kicks the account's positions into auctions; returns false (and changes nothing) when it may not now. */
    boolean kick(ProtocolContext ctx, int account, int keeper, long causeId, int vault) {
        Plan plan = plan(ctx, account);
        if (plan == null) {
            return false;
        }
        seize(ctx, account, keeper, causeId, vault, plan);
        return true;
    }

    /** Whether a kick of the account would go through now (read-only: what a keeper sees on chain). */
    boolean allowed(ProtocolContext ctx, int account) {
        return plan(ctx, account) != null;
    }

    /** The auctions a kick would open: markets, equity shares and debts; null when the kick is refused now. */
    private Plan plan(ProtocolContext ctx, int account) {
        List<Integer> markets = new ArrayList<>();
        long totalNotional = 0;
        long equity = ctx.ledger().balance(account);
        for (long mask = ctx.accounts().positionMask(account); mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            if (ctx.market(m).oraclePrice() <= 0 || !ctx.liquidationAllowed(m)) {
                return null;
            }
            long notional = notionalAtOracle(ctx, account, m);
            markets.add(m);
            totalNotional += Math.abs(notional);
            equity += notional;
        }
        if (markets.isEmpty()) {
            return null;
        }
        // The equity V₀ is shared among the positions by notional (the last takes the rounding); debt = |notional| − share.
        // With a lot cap, the seized part of a position carries the same part of its share (rounded down).
        long[] share = new long[markets.size()];
        long[] debt = new long[markets.size()];
        long[] lots = new long[markets.size()];
        long newTab = 0;
        long left = equity;
        long moved = 0;
        for (int i = 0; i < markets.size(); i++) {
            int m = markets.get(i);
            long abs = Math.abs(notionalAtOracle(ctx, account, m));
            long whole = i == markets.size() - 1 ? left : Amounts.mulDivFloor(equity, abs, totalNotional);
            left -= whole;
            long size = Math.abs(ctx.accounts().size(account, m));
            lots[i] = Math.min(size, Math.max(1, lump.applyAsLong(ctx, m)));
            if (lots[i] == size) {
                share[i] = whole;
            } else {
                share[i] = Amounts.mulDivFloor(whole, lots[i], size);
                abs = Math.abs(ctx.market(m).spec().notional(lots[i], ctx.market(m).oraclePrice()));
            }
            moved += share[i];
            debt[i] = abs - share[i];
            long tab = debt[i] + Amounts.ppmCeil(debt[i], terms.chopPpm());
            if (active.remainingTab(m) + tab > terms.ilkHoleMicros()) {
                return null; // dog.sol: ilk.dirt + tab ≤ ilk.hole
            }
            newTab += tab;
        }
        if (active.remainingTab(-1) + newTab > terms.holeMicros()) {
            return null; // dog.sol: Dirt + tab ≤ Hole
        }
        return new Plan(markets, share, debt, lots, moved);
    }

    /** Per position: its equity share seized, its debt and the lots seized; {@code equity}: the total share moved. */
    private record Plan(List<Integer> markets, long[] share, long[] debt, long[] lots, long equity) {
    }

    private void seize(ProtocolContext ctx, int account, int keeper, long causeId, int vault, Plan plan) {
        List<Integer> markets = plan.markets;
        long[] share = plan.share;
        long[] debt = plan.debt;
        long equity = plan.equity;
        double health = ctx.risk(account).health();
        ctx.cancelOrders(account, causeId);
        EventBus events = ctx.events();
        List<Auction> kicked = new ArrayList<>();
        for (int i = 0; i < markets.size(); i++) {
            int m = markets.get(i);
            long held = ctx.accounts().size(account, m);
            long size = Long.signum(held) * plan.lots[i];
            long oracle = ctx.market(m).oraclePrice();
            long id = events.nextId();
            events.emit(new ProtocolEvent.Liquidation(id, causeId, ctx.block(), account, m, -size, keeper, size != held,
                    policy, health));
            // the vault's cash for this auction after the kick
            long cash = share[i] - ctx.market(m).spec().notional(size, oracle);
            kicked.add(new Auction(id, account, m, size, oracle, terms.top(oracle), ctx.now(), cash, debt[i],
                    Amounts.ppmCeil(debt[i], terms.chopPpm()), keeper, health));
        }
        // The equity moves first, so that after the position transfers the account holds exactly zero.
        int from = equity >= 0 ? account : vault;
        int to = from == account ? vault : account;
        ctx.post(from, to, Math.abs(equity), PostingReason.TRANSFER);
        events.emit(new ProtocolEvent.Transfer(events.nextId(), kicked.get(0).id(), ctx.block(),
                ProtocolEvent.Transfer.Kind.INTERNAL, from, to, Math.abs(equity)));
        for (Auction a : kicked) {
            ctx.transferPosition(account, vault, a.market(), a.side() * a.lotsAtKick(), a.kickPrice(), "auction-kick",
                    a.id());
            active.add(a);
            a.addReward(terms.payIncentive(ctx, a.market(), keeper, a.tab()));
        }
    }

    private static long notionalAtOracle(ProtocolContext ctx, int account, int m) {
        return ctx.market(m).spec().notional(ctx.accounts().size(account, m), ctx.market(m).oraclePrice());
    }
}
