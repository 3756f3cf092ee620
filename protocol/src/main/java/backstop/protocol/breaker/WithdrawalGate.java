package backstop.protocol.breaker;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;

import java.util.List;

/**
 * dYdX v4's withdrawal circuit breakers (MECHANISMS §1). Gate: after a negative-collateral account is seen in
 * block b — a {@code bad_debt} event, or a liquidation of an account already worth less than zero — all
 * withdrawals and transfers are refused until block b + {@code gateBlocks} (dYdX: blocked while
 * current − b < 50). Rate limits (dYdX {@code x/ratelimit}): each limiter has a capacity that starts at its
 * baseline = max(minimum, tvlPpm × TVL); a withdrawal larger than any capacity is refused, otherwise it is
 * debited from all; deposits are credited to all; at every block end each capacity moves toward the baseline
 * by ⌊max(baseline, capacity − baseline) × Δt / period⌋ without crossing it.
 *
 * <p>TVL is the total cash of all accounts, which equals their total equity at any common price; dYdX uses
 * the chain's supply of the collateral token. The gate is lifted at the start of block b + gateBlocks. dYdX's
 * gate after a 5-minute chain outage is not modelled.
 */
public final class WithdrawalGate implements CircuitBreaker {
    /** One rate limit: a capacity refilling to its TVL-scaled baseline over {@code periodSeconds}. */
    public record Limiter(long periodSeconds, long tvlPpm, long minimum) {
        /**
         * @param periodSeconds time for the capacity to return to the baseline, seconds (> 0)
         * @param tvlPpm        baseline as ppm of TVL (≥ 0)
         * @param minimum       smallest baseline, quote micros (≥ 0)
         */
        public Limiter {
            Require.within("periodSeconds", periodSeconds, 1, Integer.MAX_VALUE);
            Require.within("tvlPpm", tvlPpm, 0, Amounts.PPM);
            Require.atLeast("minimum", minimum, 0);
        }

        long baseline(long tvl) {
            return Math.max(minimum, Amounts.ppmFloor(Math.max(0, tvl), tvlPpm));
        }
    }

    private final long gateBlocks;
    private final List<Limiter> limiters;
    private long[] capacity;
    private long lastTime;
    private long seenAt = Long.MIN_VALUE;
    private boolean gating;

    /**
     * @param gateBlocks blocks withdrawals stay gated after a negative-collateral account is seen (≥ 0; 0: never)
     * @param limiters   the rate limits, any number
     */
    public WithdrawalGate(long gateBlocks, List<Limiter> limiters) {
        this.gateBlocks = Require.atLeast("gateBlocks", gateBlocks, 0);
        this.limiters = List.copyOf(limiters);
    }

    /** dYdX v4: 50-block gate; max(1% TVL, $1M) per hour and max(10% TVL, $10M) per day. */
    public static WithdrawalGate dydx() {
        return new WithdrawalGate(50, List.of(new Limiter(3_600, 10_000, Amounts.micros(1_000_000)),
                new Limiter(86_400, 100_000, Amounts.micros(10_000_000))));
    }

    @Override
    public String name() {
        return "withdrawal-gate";
    }

    @Override
    public void onEvent(ProtocolContext ctx, ProtocolEvent event) {
        ensure(ctx);
        if (event instanceof ProtocolEvent.BadDebt b) {
            negativeSeen(ctx, "bad debt of " + b.amount() + " on account " + b.account(), b.id());
        } else if (event instanceof ProtocolEvent.Liquidation l && l.healthBefore() < 0) {
            negativeSeen(ctx, "account " + l.account() + " liquidated with negative value", l.id());
        } else if (event instanceof ProtocolEvent.Transfer t && t.kind() == ProtocolEvent.Transfer.Kind.WITHDRAWAL) {
            for (int i = 0; i < capacity.length; i++) {
                capacity[i] -= t.amount();
            }
        } else if (event instanceof ProtocolEvent.Transfer t && t.kind() == ProtocolEvent.Transfer.Kind.DEPOSIT) {
            for (int i = 0; i < capacity.length; i++) {
                capacity[i] = Math.addExact(capacity[i], t.amount());
            }
        }
    }

    private void negativeSeen(ProtocolContext ctx, String what, long cause) {
        if (gateBlocks == 0) {
            return;
        }
        seenAt = ctx.block(); // a later sighting re-arms the gate, as dYdX does every block
        if (!gating) {
            gating = true;
            ctx.gateWithdrawals(true, name(), what + ": withdrawals and transfers gated until block "
                    + (seenAt + gateBlocks), cause);
        }
    }

    @Override
    public boolean allowsWithdrawal(ProtocolContext ctx, int account, long amount) {
        ensure(ctx);
        for (long c : capacity) {
            if (amount > c) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void onBeginBlock(ProtocolContext ctx) {
        ensure(ctx);
        if (gating && ctx.block() - seenAt >= gateBlocks) { // dYdX: blocked while current − seen < 50
            gating = false;
            ctx.gateWithdrawals(false, name(), gateBlocks + " blocks since the last negative account (block "
                    + seenAt + ")", 0);
        }
    }

    @Override
    public void onEndBlock(ProtocolContext ctx) {
        ensure(ctx);
        long dt = Math.max(0, ctx.now() - lastTime);
        lastTime = ctx.now();
        long tvl = tvl(ctx);
        for (int i = 0; i < capacity.length; i++) {
            Limiter l = limiters.get(i);
            long baseline = l.baseline(tvl);
            long gap = capacity[i] - baseline;
            // beyond one period dt changes nothing: the step already covers the whole gap
            long step = Amounts.mulDivFloor(Math.max(baseline, gap), Math.min(dt, l.periodSeconds()), l.periodSeconds());
            if (Math.abs(gap) <= step) {
                capacity[i] = baseline;
            } else {
                capacity[i] += gap < 0 ? step : -step;
            }
        }
    }

    /** The current capacity of limiter {@code i}, quote micros. */
    public long capacity(int i) {
        return capacity == null ? 0 : capacity[i];
    }

    /** Total cash of all accounts = minus the total of all system pots (the ledger sums to zero). */
    static long tvl(ProtocolContext ctx) {
        long system = 0;
        for (int pot : ctx.ledger().systemPotIds()) {
            system += ctx.ledger().balance(pot);
        }
        return -system;
    }

    private void ensure(ProtocolContext ctx) {
        if (capacity != null) {
            return;
        }
        capacity = new long[limiters.size()];
        long tvl = tvl(ctx);
        for (int i = 0; i < capacity.length; i++) {
            capacity[i] = limiters.get(i).baseline(tvl);
        }
        lastTime = ctx.now();
    }
}
