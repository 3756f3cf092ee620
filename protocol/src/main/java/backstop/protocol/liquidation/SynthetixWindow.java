package backstop.protocol.liquidation;

import backstop.protocol.context.ClosedFill;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.money.Amounts;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Synthetix v3's chunked liquidation (MECHANISMS.md §4, SIP-337; perps-market {@code PerpsMarket.sol}): each
 * market admits at most {@code capacity} lots of liquidations in any rolling window of {@code windowSeconds}
 * (the chain sums the amounts recorded at times t with t &gt; now − window). The first liquidation of an
 * account flags it and pays the keeper a flat flag reward out of the account (never more than the account is
 * worth); a flagged account is then closed out whole, window after window, even if its health recovers —
 * the protocol continues it at the end of every block, as keepers calling {@code liquidateFlagged} would,
 * in the order accounts were flagged. Fills count against the window, not requests. A capacity of 0 admits
 * everything, as the chain does when the window is unconfigured. Left out: the endorsed liquidator and the
 * {@code maxLiquidationPd} escape (a book market has no skew), and the seizure of a flagged account's margin
 * (here it keeps what the closes leave).
 */
public final class SynthetixWindow implements LiquidationThrottle, Tunable {
    private final GovernedSetting[] capacity;
    private final GovernedSetting windowSeconds;
    private final GovernedSetting flagReward;
    private final ArrayDeque<long[]>[] liquidated;
    private final IntArrayList flaggedOrder = new IntArrayList();
    private final IntOpenHashSet flagged = new IntOpenHashSet();

    /**
     * {@code capacityLots[m]}: lots market m may liquidate per window (0: unlimited; see
     * {@link #capacityLots}); {@code windowSeconds}: window length (&gt; 0); {@code flagReward}: flat keeper
     * reward for flagging an account (quote micros, ≥ 0).
     */
    @SuppressWarnings("unchecked")
    public SynthetixWindow(long[] capacityLots, long windowSeconds, long flagReward) {
        this.capacity = new GovernedSetting[capacityLots.length];
        this.liquidated = new ArrayDeque[capacityLots.length];
        for (int m = 0; m < capacityLots.length; m++) {
            capacity[m] = new GovernedSetting("liquidation.window_capacity_lots." + m, "capacityLots[" + m + "]",
                    "lots market " + m + " may liquidate per window (0: unlimited)", capacityLots[m], 0, Long.MAX_VALUE);
            liquidated[m] = new ArrayDeque<>();
        }
        this.windowSeconds = new GovernedSetting("liquidation.window_seconds", "windowSeconds",
                "length of the liquidation capacity window (s)", windowSeconds, 1, Long.MAX_VALUE);
        this.flagReward = new GovernedSetting("liquidation.flag_reward", "flagReward",
                "flat keeper reward for flagging an account (quote micros)", flagReward, 0, Long.MAX_VALUE);
    }

    /**
     * Synthetix v3's window capacity in lots: maxLiquidationPerSecond = (makerFee + takerFee) × skewScale ×
     * maxLiquidationLimitAccumulationMultiplier, times maxSecondsInLiquidationWindow, rounded down. Fees and
     * multiplier in ppm, {@code skewScaleLots} in lots.
     */
    public static long capacityLots(long makerFeePpm, long takerFeePpm, long skewScaleLots, long multiplierPpm,
                                    long windowSeconds) {
        BigInteger ppm2 = BigInteger.valueOf(Amounts.PPM * Amounts.PPM);
        return BigInteger.valueOf(makerFeePpm + takerFeePpm).multiply(BigInteger.valueOf(skewScaleLots))
                .multiply(BigInteger.valueOf(multiplierPpm)).multiply(BigInteger.valueOf(windowSeconds))
                .divide(ppm2).longValueExact();
    }

    @Override
    public String name() {
        return "synthetix";
    }

    @Override
    public void register(Parameters parameters) {
        for (GovernedSetting c : capacity) {
            c.register(parameters);
        }
        windowSeconds.register(parameters);
        flagReward.register(parameters);
    }

    @Override
    public void onStart(ProtocolContext ctx, int account, int liquidator) {
        if (!flagged.add(account)) {
            return;
        }
        flaggedOrder.add(account);
        if (liquidator >= 0) {
            long reward = Math.min(flagReward.get(), Math.max(0, ctx.risk(account).value()));
            ctx.post(account, liquidator, reward, PostingReason.LIQUIDATOR_REWARD);
        }
    }

    @Override
    public long allowance(ProtocolContext ctx, int account, int market) {
        long abs = Math.abs(ctx.accounts().size(account, market));
        long cap = capacity[market].get();
        return cap == 0 ? abs : Math.min(abs, Math.max(0, cap - usedInWindow(ctx, market)));
    }

    /** Lots liquidated in {@code market} within the current window. */
    public long usedInWindow(ProtocolContext ctx, int market) {
        long start = ctx.now() - windowSeconds.get();
        long used = 0;
        for (long[] entry : liquidated[market]) {
            if (entry[0] > start) {
                used += entry[1];
            }
        }
        return used;
    }

    @Override
    public void record(ProtocolContext ctx, int account, int market, long requested, ClosedFill fill) {
        if (!ctx.accounts().hasPositions(account) && flagged.remove(account)) {
            flaggedOrder.rem(account);
        }
        if (fill.size() == 0) {
            return;
        }
        ArrayDeque<long[]> entries = liquidated[market];
        long start = ctx.now() - windowSeconds.get();
        while (!entries.isEmpty() && entries.peekFirst()[0] <= start) {
            entries.pollFirst();
        }
        long[] last = entries.peekLast();
        if (last != null && last[0] == ctx.now()) {
            last[1] += fill.size();
        } else {
            entries.addLast(new long[] {ctx.now(), fill.size()});
        }
    }

    @Override
    public boolean committed(int account) {
        return flagged.contains(account);
    }

    /** The flag reward, paid only when the account is not yet flagged (never more than the account is worth). */
    @Override
    public long keeperFlatReward(int account) {
        return flagged.contains(account) ? 0 : flagReward.get();
    }

    /** Whether the account is flagged (being closed out). */
    public boolean isFlagged(int account) {
        return flagged.contains(account);
    }

    @Override
    public boolean continuesAcrossBlocks() {
        return true;
    }

    @Override
    public int[] continuing(ProtocolContext ctx) {
        IntArrayList still = new IntArrayList();
        for (int i = 0; i < flaggedOrder.size(); i++) {
            int a = flaggedOrder.getInt(i);
            if (ctx.accounts().hasPositions(a)) {
                still.add(a);
            } else {
                flagged.remove(a);
            }
        }
        flaggedOrder.clear();
        flaggedOrder.addAll(still);
        return Arrays.copyOf(still.elements(), still.size());
    }
}
