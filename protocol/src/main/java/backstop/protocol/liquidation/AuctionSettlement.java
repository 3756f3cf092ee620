package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.EventBus;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.PostingReason;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.ToLongFunction;

/**
 * Settles finished auctions (MECHANISMS §6) so that the vault, which only holds them, ends even: each auction pays
 * its penalty (at most what it brought in) to the insurance fund; what is left of an account's auctions, netted
 * across its markets, goes back to the account once none of them runs; a net shortfall goes to the loss waterfall
 * as the account's deficit once the account is flat, with no recourse to cash it deposited after the kick.
 */
final class AuctionSettlement {
    private final Map<Integer, Long> pendingNet = new TreeMap<>();
    private final Map<Integer, Shortfall> shortfalls = new TreeMap<>();

    /** A net shortfall waiting for its account to be flat. */
    private record Shortfall(long amount, long causeId) {
    }

    /** What closing one auction did. */
    record Closed(long penalty, long returned) {
    }

    /**
     * Books a finished auction: penalty to the insurance fund; the remainder joins the account's net, which is paid
     * back (or becomes a shortfall) when {@code lastOfAccount}. Posts only; {@link #report} emits the events.
     */
    Closed close(ProtocolContext ctx, Auction a, int vault, boolean lastOfAccount) {
        long penalty = Math.max(0, Math.min(a.cash(), a.penalty()));
        ctx.post(vault, ctx.insuranceFund(a.market()), penalty, PostingReason.LIQUIDATION_PENALTY);
        long net = pendingNet.getOrDefault(a.account(), 0L) + a.cash() - penalty;
        if (!lastOfAccount) {
            pendingNet.put(a.account(), net);
            return new Closed(penalty, 0);
        }
        pendingNet.remove(a.account());
        if (net < 0) {
            Shortfall before = shortfalls.get(a.account());
            shortfalls.put(a.account(), new Shortfall(-net + (before == null ? 0 : before.amount()), a.id()));
            return new Closed(penalty, 0);
        }
        ctx.post(vault, a.account(), net, PostingReason.TRANSFER);
        return new Closed(penalty, net);
    }

    /** Emits what {@link #close} booked: the surplus transfer back to the account, then {@code liquidation_settled}. */
    void report(ProtocolContext ctx, Auction a, int vault, Closed c) {
        EventBus events = ctx.events();
        if (c.returned() > 0) {
            events.emit(new ProtocolEvent.Transfer(events.nextId(), a.id(), events.block(),
                    ProtocolEvent.Transfer.Kind.INTERNAL, vault, a.account(), c.returned()));
        }
        events.emit(new ProtocolEvent.LiquidationSettled(events.nextId(), a.id(), events.block(), a.account(),
                a.market(), a.lotsAtKick(), a.notionalSold(), c.penalty(), a.rewards()));
    }

    /**
     * Hands each waiting shortfall whose account is flat and has no running auction to the loss waterfall: the
     * account's own cash is set aside, the shortfall is charged to it and settled as its deficit (the absorbers
     * pay the vault back through it), and the cash is put back.
     */
    void settleShortfalls(ProtocolContext ctx, int vault, IntPredicate hasAuctions) {
        // Keys first: a TreeMap's entry objects are live, and removing one may move another's key and value into it.
        for (int account : new ArrayList<>(shortfalls.keySet())) {
            if (ctx.accounts().hasPositions(account) || hasAuctions.test(account)) {
                continue;
            }
            Shortfall s = shortfalls.remove(account);
            long own = Math.max(0, ctx.ledger().balance(account));
            ctx.post(account, vault, own, PostingReason.TRANSFER);
            ctx.post(account, vault, s.amount(), PostingReason.TRANSFER);
            ctx.settleDeficit(account, s.causeId());
            ctx.post(vault, account, own, PostingReason.TRANSFER);
        }
    }

    /**
     * What a policy holds in the vault on others' behalf ({@link LiquidationPolicy#heldInVault}): each running
     * auction's {@code value} (its cash and what its lots are worth), plus what finished auctions of their accounts
     * left pending, less the shortfalls the vault paid for and waits to get back from the loss waterfall.
     */
    long heldInVault(Collection<Auction> running, ToLongFunction<Auction> value) {
        long held = 0;
        Set<Integer> accounts = new TreeSet<>();
        for (Auction a : running) {
            held = Math.addExact(held, value.applyAsLong(a));
            accounts.add(a.account());
        }
        for (int account : accounts) {
            held = Math.addExact(held, pendingNet(account));
        }
        for (int account : accountsOwing()) {
            held = Math.subtractExact(held, outstandingShortfall(account));
        }
        return held;
    }

    /**
     * Per account, the loss {@link LiquidationPolicy#pendingLoss} reports: what its running auctions would leave if
     * settled now at {@code value}, each paying its penalty as {@link #close} would, with what its finished auctions
     * left, when negative; plus the shortfalls waiting for their accounts to be flat.
     */
    Map<Integer, Long> pendingLoss(Collection<Auction> running, ToLongFunction<Auction> value) {
        Map<Integer, Long> net = new TreeMap<>();
        for (Auction a : running) {
            long v = value.applyAsLong(a);
            long penalty = Math.max(0, Math.min(v, a.penalty()));
            net.merge(a.account(), v - penalty, Math::addExact);
        }
        Map<Integer, Long> loss = new TreeMap<>();
        for (var e : net.entrySet()) {
            long left = Math.addExact(e.getValue(), pendingNet(e.getKey()));
            if (left < 0) {
                loss.put(e.getKey(), -left);
            }
        }
        for (int account : accountsOwing()) {
            loss.merge(account, outstandingShortfall(account), Math::addExact);
        }
        return loss;
    }

    /** What the account's finished auctions left while others of its auctions still run (signed), quote micros. */
    long pendingNet(int account) {
        return pendingNet.getOrDefault(account, 0L);
    }

    /** Shortfall of the account still waiting for it to be flat, quote micros. */
    long outstandingShortfall(int account) {
        Shortfall s = shortfalls.get(account);
        return s == null ? 0 : s.amount();
    }

    /** Accounts with a waiting shortfall, in id order. */
    List<Integer> accountsOwing() {
        return new ArrayList<>(shortfalls.keySet());
    }
}
