package backstop.protocol.breaker;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;

import java.util.Arrays;

/**
 * CME-style price limits (MECHANISMS §8): within each window of {@code windowSeconds} (aligned to time 0, a
 * "session"), an oracle price that has moved at least a soft limit away from the window's reference halts the
 * market for a pause; the hard limit halts it until the window ends. Each limit trips once per window, so the
 * next move must reach the next limit (7% → 2 min, 13% → 2 min, 20% → rest of the session).
 *
 * <p>The reference is the previous window's last oracle price (its close), or the first price ever seen.
 * A halt ends at the start of the first block at or after its end time, so a market halted at t for 120 s
 * takes orders again from the first block at t + 120 s or later. Liquidations wait too: the context refuses
 * them on a halted market.
 */
public final class PriceBandBreaker implements CircuitBreaker, Tunable {
    private final long[] softLimitsPpm;
    private final long initialSoftHaltSeconds;
    private final long initialHardLimitPpm;
    private final long windowSeconds;
    private Parameter softHaltSeconds;
    private Parameter hardLimitPpm;
    private long[] window;
    private long[] reference;
    private long[] lastPrice;
    private int[] level;
    private TimedHalts halts;

    /**
     * @param softLimitsPpm   soft limits, strictly ascending, each in (0, hardLimitPpm), as ppm of the reference
     * @param softHaltSeconds how long a soft limit halts the market, seconds (in [0, windowSeconds])
     * @param hardLimitPpm    the hard limit (ppm of the reference, in (0, 10⁶]); halts until the window ends
     * @param windowSeconds   length of a session, seconds (> 0); sessions start at multiples of it
     */
    public PriceBandBreaker(long[] softLimitsPpm, long softHaltSeconds, long hardLimitPpm, long windowSeconds) {
        long previous = 0;
        for (long limit : softLimitsPpm) {
            if (limit <= previous) {
                throw new IllegalArgumentException("softLimitsPpm: must be > 0 and strictly ascending, got "
                        + Arrays.toString(softLimitsPpm));
            }
            previous = limit;
        }
        if (hardLimitPpm <= previous || hardLimitPpm > 1_000_000) {
            throw new IllegalArgumentException("hardLimitPpm: must be above every soft limit and ≤ 1000000, got " + hardLimitPpm);
        }
        this.windowSeconds = Require.within("windowSeconds", windowSeconds, 1, Integer.MAX_VALUE);
        this.initialSoftHaltSeconds = Require.within("softHaltSeconds", softHaltSeconds, 0, windowSeconds);
        this.softLimitsPpm = softLimitsPpm.clone();
        this.initialHardLimitPpm = hardLimitPpm;
    }

    /** CME's 2017 bitcoin-futures design: 7% and 13% soft limits with 2-minute pauses, 20% hard, daily session. */
    public static PriceBandBreaker cmeBitcoin() {
        return new PriceBandBreaker(new long[] {70_000, 130_000}, 120, 200_000, 86_400);
    }

    @Override
    public String name() {
        return "price-band";
    }

    @Override
    public void register(Parameters parameters) {
        long maxSoft = softLimitsPpm.length == 0 ? 0 : softLimitsPpm[softLimitsPpm.length - 1];
        softHaltSeconds = parameters.define("breaker.price_band.soft_halt_seconds",
                "how long a soft price limit halts the market, s", initialSoftHaltSeconds, 0, windowSeconds);
        hardLimitPpm = parameters.define("breaker.price_band.hard_limit_ppm",
                "move from the session reference that halts the market until the session ends, ppm",
                initialHardLimitPpm, maxSoft + 1, 1_000_000);
    }

    @Override
    public void onBeginBlock(ProtocolContext ctx) {
        ensure(ctx);
        for (int m = 0; m < window.length; m++) {
            roll(ctx, m);
        }
        halts.releaseDue(ctx, "pause over", 0);
    }

    /** Added mid-run: the current window's reference is the current oracle price. */
    @Override
    public void onAdded(ProtocolContext ctx) {
        ensure(ctx);
        for (int m = 0; m < reference.length; m++) {
            roll(ctx, m);
            if (reference[m] == 0) {
                reference[m] = ctx.market(m).oraclePrice();
                lastPrice[m] = reference[m];
            }
        }
    }

    @Override
    public void onEvent(ProtocolContext ctx, ProtocolEvent event) {
        ensure(ctx);
        halts.onEvent(ctx, event);
        if (event instanceof ProtocolEvent.OraclePrice o) {
            int m = o.market();
            roll(ctx, m);
            if (reference[m] == 0) {
                reference[m] = o.price();
            }
            lastPrice[m] = o.price();
            check(ctx, m, o.price(), o.id());
        }
    }

    @Override
    public void onEndBlock(ProtocolContext ctx) {
        ensure(ctx);
        halts.reassert(ctx, "still beyond the price limit");
    }

    /** The reference price of the market's current window (ticks), 0 before any price. */
    public long reference(int market) {
        return reference == null ? 0 : reference[market];
    }

    private void check(ProtocolContext ctx, int m, long price, long cause) {
        int hit = 0;
        long[] limits = limits();
        for (int i = 0; i < limits.length; i++) {
            if (PauseLog.atLeast(price, reference[m], limits[i], reference[m])) {
                hit = i + 1;
            }
        }
        if (hit <= level[m]) {
            return;
        }
        level[m] = hit;
        boolean hard = hit == limits.length;
        long until = hard ? (window[m] + 1) * windowSeconds : ctx.now() + softHaltSeconds();
        halts.hold(ctx, m, until, (hard ? "hard" : "soft") + " limit " + limits[hit - 1] + " ppm: price " + price
                + " vs reference " + reference[m] + ", halted until t="
                + (halts.holding(m) ? Math.max(until, halts.until(m)) : until), cause);
    }

    private long[] limits() {
        long[] all = Arrays.copyOf(softLimitsPpm, softLimitsPpm.length + 1);
        all[softLimitsPpm.length] = hardLimitPpm == null ? initialHardLimitPpm : hardLimitPpm.value();
        return all;
    }

    private long softHaltSeconds() {
        return softHaltSeconds == null ? initialSoftHaltSeconds : softHaltSeconds.value();
    }

    /** A new window: the last price becomes the reference, limits re-arm, a halt in force ends. */
    private void roll(ProtocolContext ctx, int m) {
        long current = Math.floorDiv(ctx.now(), windowSeconds);
        if (current == window[m]) {
            return;
        }
        window[m] = current;
        level[m] = 0;
        if (lastPrice[m] != 0) {
            reference[m] = lastPrice[m];
        }
        halts.release(ctx, m, "new session, reference " + reference[m], 0);
    }

    private void ensure(ProtocolContext ctx) {
        if (window != null) {
            return;
        }
        int n = ctx.markets().size();
        window = new long[n];
        Arrays.fill(window, Long.MIN_VALUE);
        reference = new long[n];
        lastPrice = new long[n];
        level = new int[n];
        halts = new TimedHalts(name(), n);
    }
}
