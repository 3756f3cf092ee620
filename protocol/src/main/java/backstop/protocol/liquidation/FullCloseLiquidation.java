package backstop.protocol.liquidation;

import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.margin.AccountRisk;
import backstop.protocol.market.Market;
import backstop.protocol.money.Amounts;

/**
 * The simplest liquidation: close every position of the account into the book with a reduce-only IOC order
 * bounded {@code slippagePpm} away from the oracle, charge a penalty of {@code penaltyPpm} of the closed
 * notional (never more than the account has left) to the insurance fund — sharing {@code keeperSharePpm} of
 * it with the keeper who called, if any — and send any deficit of a flat account to the loss waterfall.
 * What the book cannot absorb stays open and is tried again next block.
 */
public final class FullCloseLiquidation implements LiquidationPolicy {
    private final long penaltyPpm;
    private final long slippagePpm;
    private final long keeperSharePpm;
    private final boolean protocolTriggered;

    public FullCloseLiquidation(long penaltyPpm, long slippagePpm, long keeperSharePpm, boolean protocolTriggered) {
        if (penaltyPpm < 0 || slippagePpm <= 0 || slippagePpm >= Amounts.PPM || keeperSharePpm < 0 || keeperSharePpm > Amounts.PPM) {
            throw new IllegalArgumentException("need penaltyPpm ≥ 0, 0 < slippagePpm < 1e6, 0 ≤ keeperSharePpm ≤ 1e6");
        }
        this.penaltyPpm = penaltyPpm;
        this.slippagePpm = slippagePpm;
        this.keeperSharePpm = keeperSharePpm;
        this.protocolTriggered = protocolTriggered;
    }

    /** Protocol-run full close: 1.5% penalty (dYdX's maximum), 10% slippage bound, no keepers. */
    public static FullCloseLiquidation standard() {
        return new FullCloseLiquidation(15_000, 100_000, 0, true);
    }

    @Override
    public String name() {
        return "full-close";
    }

    @Override
    public boolean protocolTriggered() {
        return protocolTriggered;
    }

    @Override
    public boolean keeperTriggered() {
        return !protocolTriggered;
    }

    @Override
    public void liquidate(LiquidationContext ctx, int account, int liquidator, long causeId) {
        ctx.cancelOrders(account, causeId);
        long lastEvent = causeId;
        for (long mask = ctx.accounts().positionMask(account); mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            lastEvent = closeOne(ctx, account, m, liquidator, causeId);
        }
        if (!ctx.accounts().hasPositions(account) && ctx.ledger().balance(account) < 0) {
            ctx.settleDeficit(account, lastEvent);
        }
    }

    private long closeOne(LiquidationContext ctx, int account, int m, int liquidator, long causeId) {
        Market market = ctx.market(m);
        long size = ctx.accounts().size(account, m);
        AccountRisk before = ctx.risk(account);
        long oracle = market.oraclePrice();
        long limit = size > 0
                ? Math.max(1, oracle - Amounts.ppmFloor(oracle, slippagePpm))
                : oracle + Amounts.ppmFloor(oracle, slippagePpm);
        long id = ctx.events().nextId();
        ctx.events().emit(new ProtocolEvent.Liquidation(id, causeId, ctx.events().block(), account, m, -size,
                liquidator, false, name(), before.health()));
        ClosedFill fill = ctx.closeIntoBook(account, m, -size, limit, id);
        long penalty = penalty(ctx, account, fill.notional());
        long reward = liquidator >= 0 ? Amounts.ppmFloor(penalty, keeperSharePpm) : 0;
        ctx.post(account, ctx.insuranceFund(m), penalty - reward, PostingReason.LIQUIDATION_PENALTY);
        if (reward > 0) {
            ctx.post(account, liquidator, reward, PostingReason.LIQUIDATOR_REWARD);
        }
        long settled = ctx.events().nextId();
        return ctx.events().emit(new ProtocolEvent.LiquidationSettled(settled, id, ctx.events().block(), account, m,
                fill.size(), fill.notional(), penalty - reward, reward));
    }

    /** The penalty on {@code notional}, capped at what the account is still worth (never pushes it below 0). */
    private long penalty(LiquidationContext ctx, int account, long notional) {
        long wanted = Amounts.ppmCeil(notional, penaltyPpm);
        return Math.max(0, Math.min(wanted, ctx.risk(account).value()));
    }
}
