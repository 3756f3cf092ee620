package backstop.protocol.breaker;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;

import java.util.Arrays;

/**
 * A liquidation-volume throttle (DESIGN §4; Synthetix v3's per-window liquidation cap, MECHANISMS §4): in each
 * market, once the notional closed by liquidations in the current window reaches {@code maxNotional}, further
 * liquidations there wait until the window rolls. Windows are {@code windowSeconds} long, aligned to time 0.
 *
 * <p>Volume is the |notional| of {@code liquidation_settled} events; windows roll at the start of the first
 * block in the new window. The step that crosses the budget runs whole (a breaker cannot shrink it), so a
 * window can overshoot by at most one step. Pauses and resumptions are logged as {@code halt} events.
 */
public final class LiquidationVolumeThrottle implements CircuitBreaker, Tunable {
    private final long initialMaxNotional;
    private final long windowSeconds;
    private Parameter maxNotional;
    private long[] window;
    private long[] volume;
    private boolean[] paused;

    /**
     * @param maxNotional   liquidated notional allowed per market and window, quote micros (> 0)
     * @param windowSeconds window length, seconds (> 0)
     */
    public LiquidationVolumeThrottle(long maxNotional, long windowSeconds) {
        this.initialMaxNotional = Require.atLeast("maxNotional", maxNotional, 1);
        this.windowSeconds = Require.atLeast("windowSeconds", windowSeconds, 1);
    }

    @Override
    public String name() {
        return "liquidation-volume-throttle";
    }

    @Override
    public void register(Parameters parameters) {
        maxNotional = parameters.define("breaker.liquidation_volume_throttle.max_notional",
                "liquidated notional allowed per market and window, quote micros", initialMaxNotional, 1, Long.MAX_VALUE);
    }

    @Override
    public void onEvent(ProtocolContext ctx, ProtocolEvent event) {
        if (event instanceof ProtocolEvent.LiquidationSettled s) {
            ensure(ctx);
            int m = s.market();
            volume[m] = Math.addExact(volume[m], Math.abs(s.notional()));
            pauseIfSpent(ctx, m, s.id());
        }
    }

    private void pauseIfSpent(ProtocolContext ctx, int m, long cause) {
        long budget = maxNotional == null ? initialMaxNotional : maxNotional.value();
        if (!paused[m] && volume[m] >= budget) {
            paused[m] = true;
            PauseLog.emit(ctx, m, name(), true, "liquidated notional " + volume[m] + " ≥ " + budget
                    + " in window from t=" + window[m] * windowSeconds, cause);
        }
    }

    @Override
    public boolean allowsLiquidation(ProtocolContext ctx, int market) {
        ensure(ctx);
        pauseIfSpent(ctx, market, 0); // the budget is tunable mid-window
        return !paused[market];
    }

    @Override
    public void onBeginBlock(ProtocolContext ctx) {
        ensure(ctx);
        for (int m = 0; m < window.length; m++) {
            long current = Math.floorDiv(ctx.now(), windowSeconds);
            if (current != window[m]) {
                window[m] = current;
                volume[m] = 0;
                if (paused[m]) {
                    paused[m] = false;
                    PauseLog.emit(ctx, m, name(), false, "new window from t=" + current * windowSeconds, 0);
                }
            }
        }
    }

    /** Notional liquidated in the market's current window, quote micros. */
    public long volume(int market) {
        return volume == null ? 0 : volume[market];
    }

    /** Whether liquidations in the market wait for the next window. */
    public boolean paused(int market) {
        return paused != null && paused[market];
    }

    private void ensure(ProtocolContext ctx) {
        if (window != null) {
            return;
        }
        int n = ctx.markets().size();
        window = new long[n];
        Arrays.fill(window, Long.MIN_VALUE);
        volume = new long[n];
        paused = new boolean[n];
    }
}
