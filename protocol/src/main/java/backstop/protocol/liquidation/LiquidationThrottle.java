package backstop.protocol.liquidation;

import backstop.protocol.context.ClosedFill;
import backstop.protocol.context.ProtocolContext;

/**
 * The caps of a {@link ThrottledLiquidation}: how many lots of a position may be closed now, given what was
 * closed before (per block, per cooldown, per window), and which accounts it keeps liquidating by itself.
 * Throttles keep state, so each protocol instance needs its own.
 */
public interface LiquidationThrottle {
    /** Short name for configs and events. */
    String name();

    /** The policy starts on an account ({@code liquidator}: the keeper, or -1 for the protocol). */
    default void onStart(ProtocolContext ctx, int account, int liquidator) {
    }

    /** Lots (absolute, 0 to the position's size) of the account's open position in {@code market} allowed now. */
    long allowance(ProtocolContext ctx, int account, int market);

    /** What an order for {@code requested} lots closed: {@code fill}. Called even when nothing filled. */
    void record(ProtocolContext ctx, int account, int market, long requested, ClosedFill fill);

    /** True: the account is closed out in full even once it is back above maintenance (flagged accounts). */
    default boolean committed(int account) {
        return false;
    }

    /** At the end of each block: the accounts whose liquidation continues without a new trigger, in order. */
    default int[] continuing(ProtocolContext ctx) {
        return new int[0];
    }

    /**
     * True when the throttle keeps liquidating accounts across blocks by itself ({@link #committed},
     * {@link #continuing}), which only a policy that drives those hooks can use.
     */
    default boolean continuesAcrossBlocks() {
        return false;
    }

    /** Flat keeper reward a liquidation of the account starting now would pay (Synthetix's flag reward), micros. */
    default long keeperFlatReward(int account) {
        return 0;
    }

    /** See {@link LiquidationPolicy#accountState}: by default whether the throttle is committed to the account. */
    default long accountState(int account) {
        return committed(account) ? 1 : 0;
    }
}
