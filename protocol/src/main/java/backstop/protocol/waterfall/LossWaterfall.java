package backstop.protocol.waterfall;

import backstop.protocol.event.EventBus;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.liquidation.LiquidationContext;

import java.util.List;

/**
 * The ordered absorbers a deficit passes through. Every unit ends in exactly one absorber or, when all are
 * spent, is written off against the uncovered-loss pot; each share is an event caused by the bad debt.
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

    /** Covers the flat account's negative balance; {@code badDebtId} is the bad-debt event. */
    public void cover(LiquidationContext ctx, int account, int market, long badDebtId) {
        EventBus events = ctx.events();
        for (LossAbsorber a : absorbers) {
            long deficit = -ctx.ledger().balance(account);
            if (deficit <= 0) {
                return;
            }
            long taken = a.absorb(ctx, account, market, deficit, badDebtId);
            if (taken < 0 || taken > deficit) {
                throw new IllegalStateException(a.name() + " absorbed " + taken + " of a deficit of " + deficit);
            }
            if (taken > 0) {
                events.emit(new ProtocolEvent.LossAbsorbed(events.nextId(), badDebtId, events.block(), a.name(), taken));
            }
        }
        long rest = -ctx.ledger().balance(account);
        if (rest > 0) {
            ctx.post(uncoveredPot, account, rest, PostingReason.UNCOVERED_LOSS);
            events.emit(new ProtocolEvent.LossAbsorbed(events.nextId(), badDebtId, events.block(), "uncovered", rest));
        }
    }
}
