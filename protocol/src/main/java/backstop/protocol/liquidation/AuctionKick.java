package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.EventBus;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.money.Amounts;

import java.util.ArrayList;
import java.util.List;

/**
 * Maker's {@code bark} for a perp account (MECHANISMS §6): sizes one auction per position, refuses the kick when the
 * tabs would pass {@code Hole} or a market's {@code ilk.hole}, then seizes the account's equity and positions into
 * the vault at the oracle and pays the kicking keeper tip + chip × tab.
 */
final class AuctionKick {
    private final AuctionParameters terms;
    private final ActiveAuctions active;

    AuctionKick(AuctionParameters terms, ActiveAuctions active) {
        this.terms = terms;
        this.active = active;
    }

    /** Kicks the account's positions into auctions; returns false (and changes nothing) when it may not now. */
    boolean kick(ProtocolContext ctx, int account, int keeper, long causeId, int vault) {
        Plan plan = plan(ctx, account);
        if (plan == null) {
            return false;
        }
        seize(ctx, account, keeper, causeId, vault, plan.markets, plan.share, plan.debt, plan.equity);
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
        long[] share = new long[markets.size()];
        long[] debt = new long[markets.size()];
        long newTab = 0;
        long left = equity;
        for (int i = 0; i < markets.size(); i++) {
            int m = markets.get(i);
            long abs = Math.abs(notionalAtOracle(ctx, account, m));
            share[i] = i == markets.size() - 1 ? left : Amounts.mulDivFloor(equity, abs, totalNotional);
            left -= share[i];
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
        return new Plan(markets, share, debt, equity);
    }

    private record Plan(List<Integer> markets, long[] share, long[] debt, long equity) {
    }

    private void seize(ProtocolContext ctx, int account, int keeper, long causeId, int vault, List<Integer> markets,
                       long[] share, long[] debt, long equity) {
        double health = ctx.risk(account).health();
        ctx.cancelOrders(account, causeId);
        EventBus events = ctx.events();
        List<Auction> kicked = new ArrayList<>();
        for (int i = 0; i < markets.size(); i++) {
            int m = markets.get(i);
            long size = ctx.accounts().size(account, m);
            long oracle = ctx.market(m).oraclePrice();
            long id = events.nextId();
            events.emit(new ProtocolEvent.Liquidation(id, causeId, ctx.block(), account, m, -size, keeper, false,
                    DutchAuctionLiquidation.NAME, health));
            long cash = share[i] - notionalAtOracle(ctx, account, m); // the vault's cash for this auction after the kick
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
