package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;

/**
 * The simplest liquidation: close every position of the account into the book at once, no worse than the
 * order limit, and charge the penalty. What the book cannot absorb stays open and is tried again next block;
 * a bankrupt account with positions left goes to the waterfall's position stage, a flat negative one to its
 * deficit stage.
 */
public final class FullCloseLiquidation implements LiquidationPolicy {
    private final PenaltySplit penalty;
    private final LiquidationLimit limit;
    private final boolean protocolTriggered;

    public FullCloseLiquidation(PenaltySplit penalty, LiquidationLimit limit, boolean protocolTriggered) {
        this.penalty = penalty;
        this.limit = limit;
        this.protocolTriggered = protocolTriggered;
    }

    /** Protocol-run full close: 1.5% penalty to the insurance fund (dYdX's maximum), 10% slippage bound. */
    public static FullCloseLiquidation standard() {
        return new FullCloseLiquidation(PenaltySplit.toInsurance(15_000), new SlippageLimit(100_000), true);
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
    public KeeperReward keeperReward(int account) {
        return KeeperReward.of(penalty);
    }

    @Override
    public void liquidate(ProtocolContext ctx, int account, int liquidator, long causeId) {
        ctx.cancelOrders(account, causeId);
        for (long mask = ctx.accounts().positionMask(account); mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            long size = -ctx.accounts().size(account, m);
            LiquidationStep.close(ctx, name(), account, m, size, limit.limit(ctx, account, m), penalty, liquidator,
                    false, causeId);
        }
    }
}
