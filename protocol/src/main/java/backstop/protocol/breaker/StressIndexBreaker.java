package backstop.protocol.breaker;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.market.Market;
import backstop.protocol.money.Amounts;

/**
 * Soft and hard protocol states driven by a {@link StressIndex} (DESIGN §4). At each block end the index
 * is updated; at or above {@code softPpm} the protocol enters the soft state: every market's open-interest cap
 * is tightened to {@code softOiCapPpm} of its open interest at that moment (never above the cap in force),
 * and the parameter {@code breaker.stress.state} becomes 1 so other policies (e.g. a scaled margin model) can
 * follow it. At or above {@code hardPpm} every market is halted and the state is 2. States rise at once and
 * fall only after the index has stayed below the current state's threshold for {@code releaseSeconds}; caps
 * come back on return to normal. Each transition is logged as a {@code halt} event for market -1.
 */
public final class StressIndexBreaker implements CircuitBreaker, Tunable {
    /** Parameter holding the state: 0 normal, 1 soft, 2 hard. */
    public static final String STATE = "breaker.stress.state";
    private static final String[] NAMES = {"normal", "soft", "hard"};

    private final StressIndex index;
    private final long initialSoftPpm;
    private final long initialHardPpm;
    private final long releaseSeconds;
    private final long softOiCapPpm;
    private Parameter softPpm;
    private Parameter hardPpm;
    private int state;
    private long belowSince = Long.MIN_VALUE;
    private long[] normalCap;
    private TimedHalts halts;

    /**
     * @param index          the stress index it follows (one per breaker)
     * @param softPpm        index level of the soft state, ppm (> 0)
     * @param hardPpm        index level of the hard state, ppm (> softPpm)
     * @param releaseSeconds how long the index must stay below a state's level before the state is left, s (≥ 0)
     * @param softOiCapPpm   open-interest cap in the soft state, ppm of each market's open interest at entry (> 0)
     */
    public StressIndexBreaker(StressIndex index, long softPpm, long hardPpm, long releaseSeconds, long softOiCapPpm) {
        if (index == null) {
            throw new IllegalArgumentException("index: required, got null");
        }
        this.index = index;
        this.initialSoftPpm = Require.within("softPpm", softPpm, 1, Long.MAX_VALUE / 2 - 1);
        this.initialHardPpm = Require.within("hardPpm", hardPpm, softPpm + 1, Long.MAX_VALUE / 2);
        this.releaseSeconds = Require.atLeast("releaseSeconds", releaseSeconds, 0);
        this.softOiCapPpm = Require.within("softOiCapPpm", softOiCapPpm, 1, Amounts.PPM * 100);
    }

    @Override
    public String name() {
        return "stress-index";
    }

    @Override
    public void register(Parameters parameters) {
        softPpm = parameters.define("breaker.stress.soft_ppm", "stress index entering the soft state, ppm",
                initialSoftPpm, 1, Long.MAX_VALUE / 2);
        hardPpm = parameters.define("breaker.stress.hard_ppm", "stress index entering the hard state, ppm",
                initialHardPpm, 1, Long.MAX_VALUE / 2);
        parameters.define(STATE, "stress state set by the stress-index breaker: 0 normal, 1 soft, 2 hard", 0, 0, 2);
    }

    @Override
    public void onEvent(ProtocolContext ctx, ProtocolEvent event) {
        index.observe(ctx, event);
        if (halts != null) {
            halts.onEvent(ctx, event);
        }
    }

    @Override
    public void onEndBlock(ProtocolContext ctx) {
        if (halts == null) {
            halts = new TimedHalts(name(), ctx.markets().size());
            normalCap = new long[ctx.markets().size()];
        }
        long value = index.update(ctx);
        long soft = softPpm == null ? initialSoftPpm : softPpm.value();
        long hard = hardPpm == null ? initialHardPpm : hardPpm.value();
        int target = value >= hard ? 2 : value >= soft ? 1 : 0;
        if (target > state) {
            move(ctx, target);
        } else if (target < state) {
            if (belowSince == Long.MIN_VALUE) {
                belowSince = ctx.now();
            }
            if (ctx.now() - belowSince >= releaseSeconds) {
                move(ctx, target);
            }
        } else {
            belowSince = Long.MIN_VALUE;
        }
        halts.reassert(ctx, "hard stress state still in force");
    }

    private void move(ProtocolContext ctx, int target) {
        int from = state;
        state = target;
        belowSince = Long.MIN_VALUE;
        String reason = NAMES[from] + " -> " + NAMES[target] + ": " + index.describe();
        PauseLog.emit(ctx, -1, name(), target > 0, reason, 0);
        if (from == 0) {
            for (Market m : ctx.markets()) {
                tighten(m);
            }
        }
        for (Market m : ctx.markets()) {
            if (target == 2) {
                halts.hold(ctx, m.id(), TimedHalts.INDEFINITE, "hard stress state", 0);
            } else {
                halts.release(ctx, m.id(), "left the hard stress state", 0);
            }
            if (target == 0) {
                m.setOpenInterestCap(normalCap[m.id()]);
            }
        }
        if (ctx.parameters().has(STATE)) {
            ctx.parameters().set(STATE, target, name(), 0);
        }
    }

    private void tighten(Market m) {
        normalCap[m.id()] = m.openInterestCap();
        long cap = Math.max(1, Amounts.ppmFloor(m.spec().notional(m.openInterest(), m.oraclePrice()), softOiCapPpm));
        m.setOpenInterestCap(normalCap[m.id()] > 0 ? Math.min(cap, normalCap[m.id()]) : cap);
    }

    /** The current state: 0 normal, 1 soft, 2 hard. */
    public int state() {
        return state;
    }

    /** The index this breaker follows. */
    public StressIndex index() {
        return index;
    }
}
