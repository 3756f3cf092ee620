package backstop.protocol.liquidation;

import backstop.protocol.context.ClosedFill;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;

/**
 * Multi-step liquidation under caps (DESIGN.md §4): each step closes, position by position in market-id
 * order, as many lots as the {@link LiquidationThrottle} allows now — dYdX's per-block limits, Hyperliquid's
 * chunks and cooldown, Synthetix v3's window capacity — with reduce-only orders at the
 * {@link LiquidationLimit} (dYdX's {@link FillablePrice}, or a slippage band). A step stops once the account
 * is back above maintenance unless the throttle has committed to closing it out (a flagged account). At the
 * end of every block the throttle's continuing accounts get another step, caused by their first
 * liquidation's cause; the protocol's own trigger (or a keeper) drives the rest.
 */
public final class ThrottledLiquidation implements LiquidationPolicy, Tunable {
    private final LiquidationThrottle throttle;
    private final LiquidationLimit limit;
    private final GovernedPenalty penalty;
    private final boolean protocolTriggered;
    private final Int2LongOpenHashMap cause = new Int2LongOpenHashMap();

    /**
     * {@code throttle}: the caps; {@code limit}: each order's limit price; {@code penalty}: share of the
     * closed notional charged and the keeper's part of it; {@code protocolTriggered}: the protocol liquidates
     * every liquidatable account each block (else keepers call with {@code Tx.Liquidate}).
     */
    public ThrottledLiquidation(LiquidationThrottle throttle, LiquidationLimit limit, PenaltySplit penalty,
                                boolean protocolTriggered) {
        if (throttle == null || limit == null || penalty == null) {
            throw new IllegalArgumentException("throttle, limit and penalty: must not be null");
        }
        this.throttle = throttle;
        this.limit = limit;
        this.penalty = new GovernedPenalty(penalty);
        this.protocolTriggered = protocolTriggered;
    }

    /** dYdX v4 mainnet: protocol-run, per-block limits, Fillable Price limit, 1.5% penalty to the insurance fund. */
    public static ThrottledLiquidation dydxV4() {
        return new ThrottledLiquidation(DydxBlockLimits.mainnet(), FillablePrice.dydx(), PenaltySplit.toInsurance(15_000),
                true);
    }

    /** Hyperliquid: protocol-run, 20% chunks above $100k with a 30 s cooldown, no fee; orders within {@code slippagePpm} of the oracle. */
    public static ThrottledLiquidation hyperliquid(long slippagePpm) {
        return new ThrottledLiquidation(HyperliquidChunks.mainnet(), new SlippageLimit(slippagePpm), PenaltySplit.NONE, true);
    }

    public LiquidationThrottle throttle() {
        return throttle;
    }

    @Override
    public String name() {
        return "throttled-" + throttle.name();
    }

    @Override
    public boolean protocolTriggered() {
        return protocolTriggered;
    }

    @Override
    public void register(Parameters parameters) {
        penalty.register(parameters);
        if (throttle instanceof Tunable t) {
            t.register(parameters);
        }
    }

    @Override
    public KeeperReward keeperReward(int account) {
        PenaltySplit split = penalty.current();
        return new KeeperReward(throttle.keeperFlatReward(account), split.penaltyPpm(), split.liquidatorSharePpm(), 0);
    }

    @Override
    public long accountState(int account) {
        return throttle.accountState(account);
    }

    @Override
    public void liquidate(ProtocolContext ctx, int account, int liquidator, long causeId) {
        throttle.onStart(ctx, account, liquidator);
        if (throttle.committed(account) && !cause.containsKey(account)) {
            cause.put(account, causeId);
        }
        step(ctx, account, liquidator, causeId);
        forgetIfFlat(ctx, account);
    }

    @Override
    public void onEndBlock(ProtocolContext ctx) {
        for (int account : throttle.continuing(ctx)) {
            step(ctx, account, -1, cause.get(account));
            forgetIfFlat(ctx, account);
        }
    }

    private void forgetIfFlat(ProtocolContext ctx, int account) {
        if (!ctx.accounts().hasPositions(account)) {
            cause.remove(account);
        }
    }

    private void step(ProtocolContext ctx, int account, int liquidator, long causeId) {
        ctx.cancelOrders(account, causeId);
        PenaltySplit split = penalty.current();
        for (long mask = ctx.accounts().positionMask(account); mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            if (!throttle.committed(account) && !ctx.risk(account).liquidatable()) {
                return;
            }
            long size = ctx.accounts().size(account, m);
            long lots = Math.min(Math.abs(size), throttle.allowance(ctx, account, m));
            if (lots <= 0) {
                continue;
            }
            long limitPrice = limit.limit(ctx, account, m);
            ClosedFill fill = LiquidationStep.close(ctx, name(), account, m, -Long.signum(size) * lots, limitPrice, split,
                    liquidator, lots < Math.abs(size), causeId);
            throttle.record(ctx, account, m, lots, fill);
        }
    }
}
