package backstop.protocol.waterfall;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.AbsorberKind;

/**
 * One step of the loss waterfall (DESIGN.md §4): insurance fund, backstop vault, auto-deleveraging,
 * socialized loss. A waterfall works in two stages:
 * <ol>
 *   <li><b>positions</b> — an account still bankrupt (value &lt; 0) after its liquidation attempt, with
 *   positions the book would not take: absorbers that close positions off the book (ADL) get
 *   {@link #resolvePositions}, but only when the deficit projected at the margin price exceeds what the
 *   absorbers listed before them could pay ({@link #capacity}); otherwise they get {@link #resolveCovered} (an
 *   engine takeover closes the positions into the book for the fund to pay) and what is left stays for the
 *   liquidation policy to try again next block (dYdX deleverages only when the fund is depleted);</li>
 *   <li><b>deficit</b> — a flat account with negative cash: each absorber in turn pays what it can
 *   ({@link #absorb}); the rest is recorded as uncovered.</li>
 * </ol>
 */
public interface LossAbsorber {
    /** Short name for configs and events. */
    String name();

    /** Who bears what this absorber takes (the loss decomposition's part it counts in). */
    AbsorberKind kind();

    /** How much of a deficit arising in {@code market} this absorber could pay now; 0 if it pays none. */
    default long capacity(ProtocolContext ctx, int market) {
        return 0;
    }

    /**
     * Deficit stage: covers up to {@code deficit} (> 0) of the flat {@code account}'s negative balance by
     * posting into it; returns the amount covered (0 ≤ result ≤ deficit).
     */
    default long absorb(ProtocolContext ctx, int account, int market, long deficit, long causeId) {
        return 0;
    }

    /**
     * Position stage: the bankrupt {@code account} still holds positions; close or offset them off the book
     * (through {@code ctx.transferPosition}).
     */
    default void resolvePositions(ProtocolContext ctx, int account, long causeId) {
    }

    /**
     * Position stage, the other case: the bankrupt {@code account} still holds positions and the absorbers listed
     * before this one could pay the deficit projected at the margin price (an engine that takes the position over
     * while the fund can pay for it, {@link EngineTakeover}). Most absorbers do nothing here.
     */
    default void resolveCovered(ProtocolContext ctx, int account, long causeId) {
    }
}
