package backstop.protocol.breaker;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.money.Amounts;

import java.util.Arrays;

/**
 * marginfi's per-bank oracle circuit breaker (MECHANISMS §8): each market keeps an EMA reference price,
 * new_ref = α·p + (1 − α)·ref, whose shift per observation is clipped to ±maxShift·ref. An oracle update whose
 * deviation from the reference, after subtracting the oracle's confidence, exceeds {@code maxDeviationPpm} of
 * the reference is rejected (the previous price stands) and halts the market; a breach within
 * {@code escalationSeconds} of the previous one climbs one rung of the halt ladder (longer halts). A halt ends
 * at the start of the first block at or after its end time.
 *
 * <p>Every observation, accepted or not, moves the reference (clipped), so a genuine sustained move is
 * accepted once the reference has caught up. The deviation is measured against the reference before this
 * observation's update. The protocol's oracle carries no confidence interval, so a fixed one,
 * {@code confidencePpm} of the observed price (floored), stands in; 0 disables it. Shifts round toward zero.
 * Only the deviation ladder is modelled, not marginfi's severity tiers or consecutive-observation counts.
 */
public final class OracleGuard implements CircuitBreaker, Tunable {
    private final long alphaPpm;
    private final long maxShiftPpm;
    private final long initialMaxDeviationPpm;
    private final long confidencePpm;
    private final long[] haltLadderSeconds;
    private final long escalationSeconds;
    private Parameter maxDeviationPpm;
    private long[] ref;
    private int[] rung;
    private long[] lastBreach;
    private long[] rejections;
    private TimedHalts halts;

    /**
     * @param alphaPpm          EMA weight of the new observation, ppm in (0, 10⁶]
     * @param maxShiftPpm       largest reference move per observation, ppm of the reference, in (0, 10⁶]
     * @param maxDeviationPpm   deviation beyond which an update is rejected, ppm of the reference (> 0)
     * @param confidencePpm     assumed oracle confidence, ppm of the observed price (≥ 0), subtracted first
     * @param haltLadderSeconds halt length for the 1st, 2nd, … breach in a row, seconds (≥ 0; 0 = reject only)
     * @param escalationSeconds a breach within this many seconds of the previous one climbs a rung (≥ 0)
     */
    public OracleGuard(long alphaPpm, long maxShiftPpm, long maxDeviationPpm, long confidencePpm,
                       long[] haltLadderSeconds, long escalationSeconds) {
        Require.within("alphaPpm", alphaPpm, 1, Amounts.PPM);
        Require.within("maxShiftPpm", maxShiftPpm, 1, Amounts.PPM);
        Require.within("maxDeviationPpm", maxDeviationPpm, 1, Amounts.PPM * 10);
        Require.within("confidencePpm", confidencePpm, 0, Amounts.PPM);
        Require.atLeast("escalationSeconds", escalationSeconds, 0);
        if (haltLadderSeconds.length == 0) {
            throw new IllegalArgumentException("haltLadderSeconds: needs at least one rung, got []");
        }
        for (int i = 0; i < haltLadderSeconds.length; i++) {
            Require.within("haltLadderSeconds[" + i + "]", haltLadderSeconds[i], 0, Long.MAX_VALUE / 2);
        }
        this.alphaPpm = alphaPpm;
        this.maxShiftPpm = maxShiftPpm;
        this.initialMaxDeviationPpm = maxDeviationPpm;
        this.confidencePpm = confidencePpm;
        this.haltLadderSeconds = haltLadderSeconds.clone();
        this.escalationSeconds = escalationSeconds;
    }

    /** α 10%, clip 1% per update, reject beyond 10%, no confidence, halts of 1, 5 and 30 min within an hour. */
    public static OracleGuard standard() {
        return new OracleGuard(100_000, 10_000, 100_000, 0, new long[] {60, 300, 1_800}, 3_600);
    }

    @Override
    public String name() {
        return "oracle-guard";
    }

    @Override
    public void register(Parameters parameters) {
        maxDeviationPpm = parameters.define("breaker.oracle_guard.max_deviation_ppm",
                "oracle deviation from the EMA reference beyond which an update is rejected, ppm",
                initialMaxDeviationPpm, 1, Amounts.PPM * 10);
    }

    @Override
    public long onOraclePrice(ProtocolContext ctx, int market, long price) {
        ensure(ctx);
        long old = ref[market];
        if (old == 0) {
            ref[market] = price; // the first observation seeds the reference
            return price;
        }
        long raw = Math.abs(price - old);
        long effective = Math.max(0, raw - Amounts.ppmFloor(price, confidencePpm));
        long limit = maxDeviationPpm == null ? initialMaxDeviationPpm : maxDeviationPpm.value();
        // reject when effective × 10⁶ > limit × reference, i.e. effective > ⌊limit × reference / 10⁶⌋
        boolean breach = effective > Amounts.mulDivFloor(old, limit, Amounts.PPM);
        ref[market] = old + clippedShift(old, price);
        if (!breach) {
            return price;
        }
        breach(ctx, market, price, old, effective);
        return REJECT;
    }

    /** clamp(α·(p − old), ±maxShift·old), each part rounded toward zero. */
    private long clippedShift(long old, long price) {
        long diff = price - old;
        long shift = Amounts.mulDivFloor(Math.abs(diff), alphaPpm, Amounts.PPM);
        long clip = Amounts.mulDivFloor(old, maxShiftPpm, Amounts.PPM);
        return Long.signum(diff) * Math.min(shift, clip);
    }

    private void breach(ProtocolContext ctx, int m, long price, long old, long effective) {
        rejections[m]++;
        long now = ctx.now();
        boolean repeat = lastBreach[m] != Long.MIN_VALUE && now - lastBreach[m] <= escalationSeconds;
        rung[m] = repeat ? Math.min(rung[m] + 1, haltLadderSeconds.length - 1) : 0;
        lastBreach[m] = now;
        long seconds = haltLadderSeconds[rung[m]];
        if (seconds > 0) {
            halts.hold(ctx, m, now + seconds, "rejected price " + price + ": deviation " + effective
                    + " from reference " + old + ", breach rung " + (rung[m] + 1) + ", halt " + seconds + " s", 0);
        }
    }

    @Override
    public void onEvent(ProtocolContext ctx, ProtocolEvent event) {
        ensure(ctx);
        halts.onEvent(ctx, event);
    }

    @Override
    public void onBeginBlock(ProtocolContext ctx) {
        ensure(ctx);
        halts.releaseDue(ctx, "breach halt over", 0);
    }

    @Override
    public void onEndBlock(ProtocolContext ctx) {
        ensure(ctx);
        halts.reassert(ctx, "oracle breach halt still in force");
    }

    /** The market's EMA reference price (ticks), 0 before the first observation. */
    public long reference(int market) {
        return ref == null ? 0 : ref[market];
    }

    /** How many oracle updates this guard has rejected in the market. */
    public long rejections(int market) {
        return rejections == null ? 0 : rejections[market];
    }

    private void ensure(ProtocolContext ctx) {
        if (ref != null) {
            return;
        }
        int n = ctx.markets().size();
        ref = new long[n];
        rung = new int[n];
        lastBreach = new long[n];
        Arrays.fill(lastBreach, Long.MIN_VALUE);
        rejections = new long[n];
        halts = new TimedHalts(name(), n);
    }
}
