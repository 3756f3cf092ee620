package backstop.protocol.breaker;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.market.Market;
import backstop.protocol.money.Amounts;

import java.util.ArrayDeque;

/**
 * Tightens a market's open-interest cap while its price is under stress (DESIGN §4; Hyperliquid's OI-cap
 * changes after JELLY, MECHANISMS §2): stress holds while the oracle's range over the last
 * {@code lookbackSeconds}, (max − min)·10⁶ ≥ trigger·min, reaches {@code triggerMovePpm}. On the trip the cap
 * becomes {@code stressedCapPpm} of the open-interest notional at that moment (at the oracle), at least one
 * micro-unit and never above the cap in force; trades that add open interest beyond it stop, trades that
 * reduce it go on. When stress ends, the cap in force before the trip comes back.
 *
 * <p>Evaluated at every block end from the accepted oracle prices of the lookback window; trips and releases
 * are logged as {@code halt} events.
 */
public final class OpenInterestCapBreaker implements CircuitBreaker, Tunable {
    private final long initialTriggerMovePpm;
    private final long lookbackSeconds;
    private final long initialStressedCapPpm;
    private Parameter triggerMovePpm;
    private Parameter stressedCapPpm;
    private ArrayDeque<long[]>[] prices;
    private boolean[] tripped;
    private long[] normalCap;

    /**
     * @param triggerMovePpm  price range within the lookback that counts as stress, ppm of its minimum (> 0)
     * @param lookbackSeconds the window the range is taken over, seconds (> 0)
     * @param stressedCapPpm  the cap while stressed, ppm of the open-interest notional at the trip (> 0)
     */
    public OpenInterestCapBreaker(long triggerMovePpm, long lookbackSeconds, long stressedCapPpm) {
        this.initialTriggerMovePpm = Require.within("triggerMovePpm", triggerMovePpm, 1, Amounts.PPM * 100);
        this.lookbackSeconds = Require.atLeast("lookbackSeconds", lookbackSeconds, 1);
        this.initialStressedCapPpm = Require.within("stressedCapPpm", stressedCapPpm, 1, Amounts.PPM * 100);
    }

    /** A 10% range within an hour freezes open interest where it stands. */
    public static OpenInterestCapBreaker freezeOnTenPercentHourlyRange() {
        return new OpenInterestCapBreaker(100_000, 3_600, 1_000_000);
    }

    @Override
    public String name() {
        return "oi-cap";
    }

    @Override
    public void register(Parameters parameters) {
        triggerMovePpm = parameters.define("breaker.oi_cap.trigger_move_ppm",
                "oracle range within the lookback that tightens the OI cap, ppm", initialTriggerMovePpm, 1, Amounts.PPM * 100);
        stressedCapPpm = parameters.define("breaker.oi_cap.stressed_cap_ppm",
                "OI cap under stress, ppm of the open interest at the trip", initialStressedCapPpm, 1, Amounts.PPM * 100);
    }

    @Override
    public void onEvent(ProtocolContext ctx, ProtocolEvent event) {
        if (event instanceof ProtocolEvent.OraclePrice o) {
            ensure(ctx);
            prices[o.market()].addLast(new long[] {ctx.now(), o.price()});
        }
    }

    @Override
    public void onEndBlock(ProtocolContext ctx) {
        ensure(ctx);
        for (int m = 0; m < prices.length; m++) {
            ArrayDeque<long[]> window = prices[m];
            // keep the last price from before the window: it held at the window's start
            while (window.size() > 1 && nextTime(window) <= ctx.now() - lookbackSeconds) {
                window.pollFirst();
            }
            long min = Long.MAX_VALUE;
            long max = 0;
            for (long[] sample : window) {
                min = Math.min(min, sample[1]);
                max = Math.max(max, sample[1]);
            }
            long trigger = triggerMovePpm == null ? initialTriggerMovePpm : triggerMovePpm.value();
            boolean stressed = !window.isEmpty() && PauseLog.atLeast(max, min, trigger, min);
            if (stressed && !tripped[m]) {
                trip(ctx, ctx.market(m), min, max);
            } else if (!stressed && tripped[m]) {
                tripped[m] = false;
                ctx.market(m).setOpenInterestCap(normalCap[m]);
                PauseLog.emit(ctx, m, name(), false, "stress over: open-interest cap back to " + normalCap[m], 0);
            }
        }
    }

    private static long nextTime(ArrayDeque<long[]> window) {
        var it = window.iterator();
        it.next();
        return it.next()[0];
    }

    private void trip(ProtocolContext ctx, Market market, long min, long max) {
        int m = market.id();
        tripped[m] = true;
        normalCap[m] = market.openInterestCap();
        long oiNotional = market.spec().notional(market.openInterest(), market.oraclePrice());
        long capPpm = stressedCapPpm == null ? initialStressedCapPpm : stressedCapPpm.value();
        long cap = Math.max(1, Amounts.ppmFloor(oiNotional, capPpm));
        if (normalCap[m] > 0) {
            cap = Math.min(cap, normalCap[m]);
        }
        market.setOpenInterestCap(cap);
        PauseLog.emit(ctx, m, name(), true, "oracle range " + min + ".." + max + " within " + lookbackSeconds
                + " s: open-interest cap " + normalCap[m] + " -> " + cap + " (open interest " + oiNotional + ")", 0);
    }

    /** Whether the market's cap is tightened now. */
    public boolean tripped(int market) {
        return tripped != null && tripped[market];
    }

    @SuppressWarnings("unchecked")
    private void ensure(ProtocolContext ctx) {
        if (prices != null) {
            return;
        }
        int n = ctx.markets().size();
        prices = new ArrayDeque[n];
        for (int m = 0; m < n; m++) {
            prices[m] = new ArrayDeque<>();
        }
        tripped = new boolean[n];
        normalCap = new long[n];
    }
}
