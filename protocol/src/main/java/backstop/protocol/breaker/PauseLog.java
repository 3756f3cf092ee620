package backstop.protocol.breaker;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.EventBus;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;

/** Logs a breaker state that is not a trading halt (a liquidation pause, a stress state) as a {@code halt} event. */
final class PauseLog {
    private PauseLog() {
    }

    /** Emits {@code Halt(market, breaker, paused, reason)} caused by {@code causeId}; market -1 means protocol-wide. */
    static void emit(ProtocolContext ctx, int market, String breaker, boolean paused, String reason, long causeId) {
        EventBus events = ctx.events();
        events.emit(new ProtocolEvent.Halt(events.nextId(), causeId, ctx.block(), market, breaker, paused, reason));
    }

    /** {@code |a − b| × 10⁶ ≥ limitPpm × reference}, exactly (no overflow, no rounding). */
    static boolean atLeast(long a, long b, long limitPpm, long reference) {
        return Math.abs(a - b) >= Amounts.mulDivCeil(reference, limitPpm, Amounts.PPM);
    }
}
