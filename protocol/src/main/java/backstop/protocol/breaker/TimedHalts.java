package backstop.protocol.breaker;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;

/**
 * The market halts one breaker holds, each until a time: trips, escalations, releases once due, and
 * re-assertion when another breaker releases a market this one still holds (a market has one halt flag, so
 * the first breaker to release would otherwise reopen it for all).
 */
final class TimedHalts {
    /** "Until further notice". */
    static final long INDEFINITE = Long.MAX_VALUE;

    private final String breaker;
    private final boolean[] holding;
    private final long[] until;
    private long nextRelease = Long.MAX_VALUE;

    TimedHalts(String breaker, int markets) {
        this.breaker = breaker;
        this.holding = new boolean[markets];
        this.until = new long[markets];
    }

    boolean holding(int market) {
        return holding[market];
    }

    long until(int market) {
        return until[market];
    }

    /**
     * Halts the market until {@code time} (or later, if already held longer) and logs why; a market already
     * halted gets a {@code halt} event of its own so the escalation stays visible.
     */
    void hold(ProtocolContext ctx, int market, long time, String reason, long cause) {
        until[market] = holding[market] ? Math.max(until[market], time) : time;
        holding[market] = true;
        nextRelease = Math.min(nextRelease, until[market]);
        if (ctx.market(market).halted()) {
            PauseLog.emit(ctx, market, breaker, true, reason, cause);
        } else {
            ctx.halt(market, true, breaker, reason, cause);
        }
    }

    /** Releases the market now, if held. */
    void release(ProtocolContext ctx, int market, String reason, long cause) {
        if (holding[market]) {
            holding[market] = false;
            ctx.halt(market, false, breaker, reason, cause);
        }
    }

    /** Releases every hold whose time has come; cheap when none has. */
    void releaseDue(ProtocolContext ctx, String reason, long cause) {
        long now = ctx.now();
        if (now < nextRelease) {
            return;
        }
        nextRelease = Long.MAX_VALUE;
        for (int m = 0; m < holding.length; m++) {
            if (holding[m] && now >= until[m]) {
                release(ctx, m, reason, cause);
            } else if (holding[m]) {
                nextRelease = Math.min(nextRelease, until[m]);
            }
        }
    }

    /** Another breaker released a market this one still holds: halt it again at once, before any transaction. */
    void onEvent(ProtocolContext ctx, ProtocolEvent event) {
        if (event instanceof ProtocolEvent.Halt h && !h.halted() && h.market() >= 0 && holding[h.market()]
                && !h.breaker().equals(breaker) && !ctx.market(h.market()).halted()) {
            ctx.halt(h.market(), true, breaker, "still held after " + h.breaker() + " released it", h.id());
        }
    }

    /** Halts again every market this breaker still holds but someone else released. */
    void reassert(ProtocolContext ctx, String reason) {
        for (int m = 0; m < holding.length; m++) {
            if (holding[m] && !ctx.market(m).halted()) {
                ctx.halt(m, true, breaker, reason, 0);
            }
        }
    }
}
