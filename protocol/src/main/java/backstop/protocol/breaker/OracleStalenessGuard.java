package backstop.protocol.breaker;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;

import java.util.Arrays;

/**
 * Oracle staleness guard (MECHANISMS §8, Chainlink heartbeat; §6, Aave PriceOracleSentinel): when a market's
 * oracle has not been updated for more than {@code heartbeatSeconds}, liquidations there pause; after the next
 * accepted update they stay paused for a further {@code graceSeconds}, so accounts can top up at the fresh
 * price before anyone is liquidated at it. Trading is not halted.
 *
 * <p>Staleness is judged from the time of the last accepted update at the start of every block and when an
 * update arrives; a pause therefore begins with the first block more than a heartbeat after the last update
 * and ends with the first block at or after the grace period's end. Pauses and resumptions are logged as
 * {@code halt} events. A market that has never had a price is never stale.
 */
public final class OracleStalenessGuard implements CircuitBreaker, Tunable {
    private final long initialHeartbeatSeconds;
    private final long initialGraceSeconds;
    private Parameter heartbeatSeconds;
    private Parameter graceSeconds;
    private long[] lastUpdate;
    private long[] resumeAt;
    private boolean[] paused;

    /**
     * @param heartbeatSeconds longest silence of the oracle that is still fresh, seconds (> 0)
     * @param graceSeconds     how long liquidations stay paused after the first update that ends a staleness, s (≥ 0)
     */
    public OracleStalenessGuard(long heartbeatSeconds, long graceSeconds) {
        this.initialHeartbeatSeconds = Require.within("heartbeatSeconds", heartbeatSeconds, 1, Long.MAX_VALUE / 2);
        this.initialGraceSeconds = Require.within("graceSeconds", graceSeconds, 0, Long.MAX_VALUE / 2);
    }

    /** Chainlink ETH/USD heartbeat (3,600 s) with a one-hour grace period. */
    public static OracleStalenessGuard chainlinkEthUsd() {
        return new OracleStalenessGuard(3_600, 3_600);
    }

    @Override
    public String name() {
        return "oracle-staleness";
    }

    @Override
    public void register(Parameters parameters) {
        heartbeatSeconds = parameters.define("breaker.oracle_staleness.heartbeat_seconds",
                "oracle silence beyond which liquidations pause, s", initialHeartbeatSeconds, 1, Long.MAX_VALUE / 2);
        graceSeconds = parameters.define("breaker.oracle_staleness.grace_seconds",
                "liquidations stay paused this long after the oracle is fresh again, s", initialGraceSeconds, 0,
                Long.MAX_VALUE / 2);
    }

    @Override
    public void onEvent(ProtocolContext ctx, ProtocolEvent event) {
        if (event instanceof ProtocolEvent.OraclePrice o) {
            ensure(ctx);
            int m = o.market();
            refresh(ctx, m, o.id()); // judged on the previous update first: a late update ends a staleness
            if (paused[m] && resumeAt[m] == Long.MAX_VALUE) {
                resumeAt[m] = ctx.now() + grace(); // the first fresh update starts the grace period
            }
            lastUpdate[m] = ctx.now();
        }
    }

    @Override
    public void onBeginBlock(ProtocolContext ctx) {
        ensure(ctx);
        for (int m = 0; m < paused.length; m++) {
            refresh(ctx, m, 0);
        }
    }

    @Override
    public boolean allowsLiquidation(ProtocolContext ctx, int market) {
        return paused == null || !paused[market];
    }

    /** Whether liquidations in the market are paused now. */
    public boolean paused(int market) {
        return paused != null && paused[market];
    }

    private void refresh(ProtocolContext ctx, int m, long cause) {
        if (lastUpdate[m] == Long.MIN_VALUE) {
            return;
        }
        long silence = ctx.now() - lastUpdate[m];
        long heartbeat = heartbeatSeconds == null ? initialHeartbeatSeconds : heartbeatSeconds.value();
        if (silence > heartbeat) {
            resumeAt[m] = Long.MAX_VALUE;
            if (!paused[m]) {
                paused[m] = true;
                PauseLog.emit(ctx, m, name(), true, "liquidations paused: no oracle update for " + silence
                        + " s > heartbeat " + heartbeat + " s", cause);
            }
        } else if (paused[m] && ctx.now() >= resumeAt[m]) {
            paused[m] = false;
            PauseLog.emit(ctx, m, name(), false, "liquidations resume: oracle fresh since t=" + lastUpdate[m]
                    + ", grace over", cause);
        }
    }

    private long grace() {
        return graceSeconds == null ? initialGraceSeconds : graceSeconds.value();
    }

    private void ensure(ProtocolContext ctx) {
        if (paused != null) {
            return;
        }
        int n = ctx.markets().size();
        lastUpdate = new long[n];
        Arrays.fill(lastUpdate, Long.MIN_VALUE);
        resumeAt = new long[n];
        paused = new boolean[n];
    }
}
