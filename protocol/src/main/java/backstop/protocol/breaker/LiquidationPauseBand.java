package backstop.protocol.breaker;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.money.Amounts;

/**
 * Drift's oracle guard rail (MECHANISMS §5): while the live oracle price is at least {@code bandPpm} (50%) away
 * from its 5-minute TWAP, liquidations in that market are blocked. Trading goes on.
 *
 * <p>The TWAP is Drift's: on every accepted oracle update at time t, with Δ = max(1, t − t_last) and
 * S = max(0, period − Δ), twap ← (twap·S + p̂·Δ)/(S + Δ), where p̂ is the price clamped to twap ± ⌊twap/3⌋; the
 * first price seeds it; the division floors. The band test, also Drift's, is |p − twap|·10⁶ ≥ band·twap,
 * with the TWAP already updated by p. It is re-evaluated on every oracle update; pauses and resumptions are
 * logged as {@code halt} events.
 */
public final class LiquidationPauseBand implements CircuitBreaker, Tunable {
    private final long initialBandPpm;
    private final long periodSeconds;
    private Parameter bandPpm;
    private long[] twap;
    private long[] lastTime;
    private boolean[] paused;

    /**
     * @param bandPpm       divergence of oracle from TWAP that blocks liquidations, ppm of the TWAP (> 0)
     * @param periodSeconds TWAP period, seconds (> 0)
     */
    public LiquidationPauseBand(long bandPpm, long periodSeconds) {
        this.initialBandPpm = Require.within("bandPpm", bandPpm, 1, Amounts.PPM * 10);
        this.periodSeconds = Require.within("periodSeconds", periodSeconds, 1, Integer.MAX_VALUE);
    }

    /** Drift: 50% band against the 5-minute oracle TWAP. */
    public static LiquidationPauseBand drift() {
        return new LiquidationPauseBand(500_000, 300);
    }

    @Override
    public String name() {
        return "liquidation-pause-band";
    }

    @Override
    public void register(Parameters parameters) {
        bandPpm = parameters.define("breaker.liquidation_pause_band.band_ppm",
                "oracle divergence from its TWAP that blocks liquidations, ppm", initialBandPpm, 1, Amounts.PPM * 10);
    }

    @Override
    public void onEvent(ProtocolContext ctx, ProtocolEvent event) {
        if (!(event instanceof ProtocolEvent.OraclePrice o)) {
            return;
        }
        ensure(ctx);
        int m = o.market();
        long p = o.price();
        if (twap[m] == 0) {
            twap[m] = p;
        } else {
            twap[m] = nextTwap(twap[m], p, Math.max(1, ctx.now() - lastTime[m]));
        }
        lastTime[m] = ctx.now();
        long band = bandPpm == null ? initialBandPpm : bandPpm.value();
        boolean breached = PauseLog.atLeast(p, twap[m], band, twap[m]);
        if (breached != paused[m]) {
            paused[m] = breached;
            PauseLog.emit(ctx, m, name(), breached, (breached ? "liquidations blocked" : "liquidations resume")
                    + ": oracle " + p + " vs " + periodSeconds + " s TWAP " + twap[m] + ", band " + band + " ppm", o.id());
        }
    }

    private long nextTwap(long old, long price, long elapsed) {
        long sinceLast = Math.min(elapsed, periodSeconds); // beyond one period the old TWAP has no weight left
        long sinceStart = Math.max(0, periodSeconds - sinceLast);
        long range = old / 3;
        long clamped = Math.min(old + range, Math.max(price, old - range));
        long weighted = Math.addExact(Math.multiplyExact(old, sinceStart), Math.multiplyExact(clamped, sinceLast));
        return weighted / (sinceStart + sinceLast);
    }

    @Override
    public boolean allowsLiquidation(ProtocolContext ctx, int market) {
        return paused == null || !paused[market];
    }

    /** Whether liquidations in the market are blocked now. */
    public boolean paused(int market) {
        return paused != null && paused[market];
    }

    /** The market's current TWAP (ticks), 0 before the first price. */
    public long twap(int market) {
        return twap == null ? 0 : twap[market];
    }

    private void ensure(ProtocolContext ctx) {
        if (twap != null) {
            return;
        }
        int n = ctx.markets().size();
        twap = new long[n];
        lastTime = new long[n];
        paused = new boolean[n];
    }
}
