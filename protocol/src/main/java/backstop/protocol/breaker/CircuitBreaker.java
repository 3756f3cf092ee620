package backstop.protocol.breaker;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;

/**
 * A circuit breaker (DESIGN.md §4): price bands, oracle guards, OI caps, liquidation throttles, withdrawal
 * gates, stress states. It acts through the context (halt a market, gate withdrawals, change parameters),
 * logs a {@code halt} event whenever it trips or releases, and may veto oracle prices or liquidations.
 */
public interface CircuitBreaker {
    /** Returned by {@link #onOraclePrice} to refuse an oracle update (the previous price stands). */
    long REJECT = -1;

    /** Short name for configs and events. */
    String name();

    /** An oracle price arrives: return the price to accept, or {@link #REJECT}. */
    default long onOraclePrice(ProtocolContext ctx, int market, long price) {
        return price;
    }

    /**
     * The breaker was added to a running protocol (governance, mid-run) rather than built with it: seed any
     * reference it would otherwise take from the first price it sees from the current oracle prices instead.
     */
    default void onAdded(ProtocolContext ctx) {
    }

    /** Every protocol event, as it is emitted. */
    default void onEvent(ProtocolContext ctx, ProtocolEvent event) {
    }

    /** Start of a block, before any price or transaction: release what has timed out. */
    default void onBeginBlock(ProtocolContext ctx) {
    }

    /** End of block, after liquidations: update state, trip or release. */
    default void onEndBlock(ProtocolContext ctx) {
    }

    /** Whether liquidations may execute in this market now. */
    default boolean allowsLiquidation(ProtocolContext ctx, int market) {
        return true;
    }

    /**
     * Whether {@code amount} quote micros may be withdrawn from {@code account} now (e.g. a rate limit); asked
     * only for withdrawals that pass every other check, and refused as {@code WITHDRAWAL_RATE_LIMITED}.
     */
    default boolean allowsWithdrawal(ProtocolContext ctx, int account, long amount) {
        return true;
    }
}
