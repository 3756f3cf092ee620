package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;

/**
 * Liquidation that closes only part of a position per step (DESIGN.md §4), as much as its
 * {@link PartialCloseRule} asks: to a target health, by a close factor, or in fixed fractions. Each step
 * cancels the account's orders, then takes its positions largest notional first (ties by market id), sends a
 * reduce-only order of the rule's size at the {@link LiquidationLimit}, and stops as soon as the rule is
 * satisfied. An account still liquidatable is stepped again next block (or by the next keeper call).
 */
public final class PartialLiquidation implements LiquidationPolicy, Tunable {
    private final PartialCloseRule rule;
    private final LiquidationLimit limit;
    private final GovernedPenalty penalty;
    private final boolean protocolTriggered;

    /**
     * {@code rule}: how much each step closes; {@code limit}: each order's limit price; {@code penalty}: share
     * of the closed notional charged and the keeper's part of it; {@code protocolTriggered}: the protocol
     * liquidates every liquidatable account each block (else keepers must call, with {@code Tx.Liquidate}).
     */
    public PartialLiquidation(PartialCloseRule rule, LiquidationLimit limit, PenaltySplit penalty,
                              boolean protocolTriggered) {
        if (rule == null || limit == null || penalty == null) {
            throw new IllegalArgumentException("rule, limit and penalty: must not be null");
        }
        this.rule = rule;
        this.limit = limit;
        this.penalty = new GovernedPenalty(penalty);
        this.protocolTriggered = protocolTriggered;
    }

    @Override
    public String name() {
        return "partial-" + rule.name();
    }

    @Override
    public boolean protocolTriggered() {
        return protocolTriggered;
    }

    @Override
    public void register(Parameters parameters) {
        penalty.register(parameters);
        if (rule instanceof Tunable t) {
            t.register(parameters);
        }
    }

    @Override
    public KeeperReward keeperReward(int account) {
        return KeeperReward.of(penalty.current());
    }

    @Override
    public void liquidate(ProtocolContext ctx, int account, int liquidator, long causeId) {
        ctx.cancelOrders(account, causeId);
        PenaltySplit split = penalty.current();
        for (int m : largestFirst(ctx, account)) {
            long size = ctx.accounts().size(account, m);
            if (size == 0 || rule.satisfied(ctx, account)) {
                continue;
            }
            long limitPrice = limit.limit(ctx, account, m);
            long lots = Math.min(Math.abs(size), rule.lotsToClose(ctx, account, m, limitPrice, split.penaltyPpm()));
            if (lots > 0) {
                LiquidationStep.close(ctx, name(), account, m, -Long.signum(size) * lots, limitPrice, split, liquidator,
                        lots < Math.abs(size), causeId);
            }
        }
    }

    /** The account's markets with a position, largest absolute notional at the margin price first, ties by id. */
    private static int[] largestFirst(ProtocolContext ctx, int account) {
        long mask = ctx.accounts().positionMask(account);
        int[] markets = new int[Long.bitCount(mask)];
        long[] notional = new long[ctx.markets().size()];
        int n = 0;
        for (; mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            markets[n++] = m;
            notional[m] = Math.abs(ctx.market(m).spec().notional(ctx.accounts().size(account, m), ctx.margin().marginPrice(m)));
        }
        // insertion sort: accounts hold a handful of positions
        for (int i = 1; i < n; i++) {
            int m = markets[i];
            int j = i - 1;
            while (j >= 0 && notional[markets[j]] < notional[m]) {
                markets[j + 1] = markets[j];
                j--;
            }
            markets[j + 1] = m;
        }
        return markets;
    }
}
