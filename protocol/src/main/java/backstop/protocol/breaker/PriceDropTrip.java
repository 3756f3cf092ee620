package backstop.protocol.breaker;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.money.Amounts;

/**
 * Maker's ClipperMom auto-trip (MECHANISMS §6): anyone may trip a collateral's liquidation breaker when the
 * next oracle price is below {@code tolerance} × the current one (YFI-A: 0.5), which stops new liquidations
 * (and auction resets) until governance resets it. Here an accepted oracle update below tolerance × the previous
 * accepted price pauses liquidations in that market; governance's reset is modelled as a delay of
 * {@code resetSeconds} (to the first block at or after it), or never with {@link Long#MAX_VALUE}. Trips and
 * resets are logged as {@code halt} events.
 */
public final class PriceDropTrip implements CircuitBreaker, Tunable {
    private final long initialTolerancePpm;
    private final long resetSeconds;
    private Parameter tolerancePpm;
    private long[] previous;
    private long[] resetAt;

    /**
     * @param tolerancePpm  a new price below this fraction of the previous one trips, ppm in (0, 10⁶)
     * @param resetSeconds  time until governance re-enables liquidations, seconds (> 0; Long.MAX_VALUE: never)
     */
    public PriceDropTrip(long tolerancePpm, long resetSeconds) {
        this.initialTolerancePpm = Require.within("tolerancePpm", tolerancePpm, 1, Amounts.PPM - 1);
        this.resetSeconds = Require.atLeast("resetSeconds", resetSeconds, 1);
    }

    /** Maker YFI-A: tolerance 0.5; the reset is left to governance (never automatic). */
    public static PriceDropTrip makerYfiA() {
        return new PriceDropTrip(500_000, Long.MAX_VALUE);
    }

    @Override
    public String name() {
        return "price-drop-trip";
    }

    @Override
    public void register(Parameters parameters) {
        tolerancePpm = parameters.define("breaker.price_drop_trip.tolerance_ppm",
                "an oracle price below this fraction of the previous one stops liquidations, ppm",
                initialTolerancePpm, 1, Amounts.PPM - 1);
    }

    @Override
    public void onEvent(ProtocolContext ctx, ProtocolEvent event) {
        if (!(event instanceof ProtocolEvent.OraclePrice o)) {
            return;
        }
        ensure(ctx);
        int m = o.market();
        long tolerance = tolerancePpm == null ? initialTolerancePpm : tolerancePpm.value();
        // trips when price < tolerance × previous, i.e. price × 10⁶ < tolerance × previous
        if (previous[m] > 0 && resetAt[m] == 0 && o.price() < Amounts.mulDivCeil(previous[m], tolerance, Amounts.PPM)) {
            resetAt[m] = resetSeconds == Long.MAX_VALUE ? Long.MAX_VALUE : ctx.now() + resetSeconds;
            PauseLog.emit(ctx, m, name(), true, "liquidations stopped: price " + o.price() + " < " + tolerance
                    + " ppm of " + previous[m], o.id());
        }
        previous[m] = o.price();
    }

    /** Added mid-run: the next price is compared with the current oracle price. */
    @Override
    public void onAdded(ProtocolContext ctx) {
        ensure(ctx);
        for (int m = 0; m < previous.length; m++) {
            previous[m] = ctx.market(m).oraclePrice();
        }
    }

    @Override
    public void onBeginBlock(ProtocolContext ctx) {
        ensure(ctx);
        for (int m = 0; m < resetAt.length; m++) {
            if (resetAt[m] != 0 && ctx.now() >= resetAt[m]) {
                resetAt[m] = 0;
                PauseLog.emit(ctx, m, name(), false, "reset by governance after " + resetSeconds + " s", 0);
            }
        }
    }

    @Override
    public boolean allowsLiquidation(ProtocolContext ctx, int market) {
        return resetAt == null || resetAt[market] == 0;
    }

    private void ensure(ProtocolContext ctx) {
        if (previous == null) {
            previous = new long[ctx.markets().size()];
            resetAt = new long[ctx.markets().size()];
        }
    }
}
