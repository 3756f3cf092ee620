package backstop.protocol.waterfall;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.AbsorberKind;
import backstop.protocol.event.EventBus;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.margin.AccountRisk;

import java.util.List;

/**
 * The ordered absorbers a loss passes through, in the two stages {@link LossAbsorber} describes. Every unit
 * of a deficit ends in exactly one absorber or, when all are spent, is written off against the
 * uncovered-loss pot; each share is a {@code loss_absorbed} event caused by the bad debt.
 */
public final class LossWaterfall {
    private final List<LossAbsorber> absorbers;
    private final int uncoveredPot;

    public LossWaterfall(List<LossAbsorber> absorbers, int uncoveredPot) {
        this.absorbers = List.copyOf(absorbers);
        this.uncoveredPot = uncoveredPot;
    }

    public List<LossAbsorber> absorbers() {
        return absorbers;
    }

    /**
     * Position stage for a bankrupt account that still holds positions: offers them, in order, to each
     * absorber whose predecessors could not pay the deficit projected at the margin price.
     */
    public void resolvePositions(ProtocolContext ctx, int account, long causeId) {
        long capacityBefore = 0;
        for (LossAbsorber a : absorbers) {
            AccountRisk r = ctx.risk(account);
            if (!ctx.accounts().hasPositions(account) || r.value() >= 0) {
                return;
            }
            if (-r.value() > capacityBefore) {
                a.resolvePositions(ctx, account, causeId);
            } else {
                a.resolveCovered(ctx, account, causeId);
            }
            capacityBefore += a.capacity(ctx, ctx.accounts().lastMarket(account));
        }
    }

    /** Deficit stage: covers the flat account's negative balance; {@code badDebtId} is the bad-debt event. */
    public void cover(ProtocolContext ctx, int account, int market, long badDebtId) {
        EventBus events = ctx.events();
        for (LossAbsorber a : absorbers) {
            long deficit = -ctx.ledger().balance(account);
            if (deficit <= 0) {
                return;
            }
            long taken = a.absorb(ctx, account, market, deficit, badDebtId);
            if (taken < 0 || taken > deficit || -ctx.ledger().balance(account) != deficit - taken) {
                throw new IllegalStateException(a.name() + " reported " + taken + " of a deficit of " + deficit
                        + " but the account moved to " + ctx.ledger().balance(account));
            }
            if (taken > 0) {
                events.emit(new ProtocolEvent.LossAbsorbed(events.nextId(), badDebtId, events.block(), a.name(), a.kind(), taken));
            }
        }
        long rest = -ctx.ledger().balance(account);
        if (rest > 0) {
            ctx.post(uncoveredPot, account, rest, PostingReason.UNCOVERED_LOSS);
            events.emit(new ProtocolEvent.LossAbsorbed(events.nextId(), badDebtId, events.block(), "uncovered", AbsorberKind.UNCOVERED, rest));
        }
    }
}
