package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.money.Amounts;

/**
 * The simplest liquidation: close every position of the account into the book with a reduce-only IOC order
 * bounded {@code slippagePpm} away from the oracle and charge the penalty. What the book cannot absorb stays
 * open and is tried again next block; a flat account left negative goes to the loss waterfall.
 */
public final class FullCloseLiquidation implements LiquidationPolicy {
    private final PenaltySplit penalty;
    private final long slippagePpm;
    private final boolean protocolTriggered;

    public FullCloseLiquidation(PenaltySplit penalty, long slippagePpm, boolean protocolTriggered) {
        if (slippagePpm <= 0 || slippagePpm >= Amounts.PPM) {
            throw new IllegalArgumentException("slippagePpm: must be in (0, 1000000), got " + slippagePpm);
        }
        this.penalty = penalty;
        this.slippagePpm = slippagePpm;
        this.protocolTriggered = protocolTriggered;
    }

    /** Protocol-run full close: 1.5% penalty to the insurance fund (dYdX's maximum), 10% slippage bound. */
    public static FullCloseLiquidation standard() {
        return new FullCloseLiquidation(PenaltySplit.toInsurance(15_000), 100_000, true);
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
    public void liquidate(ProtocolContext ctx, int account, int liquidator, long causeId) {
        ctx.cancelOrders(account, causeId);
        for (long mask = ctx.accounts().positionMask(account); mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            long size = -ctx.accounts().size(account, m);
            LiquidationStep.close(ctx, name(), account, m, size, LiquidationStep.limitAround(ctx.market(m), size, slippagePpm),
                    penalty, liquidator, false, causeId);
        }
    }
}
