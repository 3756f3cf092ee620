package backstop.protocol.event;

import backstop.protocol.book.Side;
import backstop.protocol.tx.TxResult;

/**
 * A state change a researcher may want to see. Ids increase monotonically from 1; {@code causeId} is the id
 * of the event that caused this one, or 0 when it has no cause inside the protocol (a user's transaction).
 * Following cause links from a liquidation leads back to the price move or earlier liquidation behind it.
 */
public sealed interface ProtocolEvent {
    /** Monotonically increasing id, unique within one protocol instance. */
    long id();

    /** Id of the event that caused this one; 0 when none. */
    long causeId();

    /** Block in which it happened. */
    long block();

    /** The event's type in snake_case, e.g. {@code liquidation_settled}, as written to result files. */
    default String type() {
        String name = getClass().getSimpleName();
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** A new account (isolatedMarket = -1 for a cross-margin account). */
    record AccountOpened(long id, long causeId, long block, int account, int owner, int isolatedMarket, int tag)
            implements ProtocolEvent {
    }

    /** Value moved in from outside (or out, for a withdrawal), or between two accounts of one owner. */
    record Transfer(long id, long causeId, long block, Kind kind, int fromAccount, int toAccount, long amount)
            implements ProtocolEvent {
        /** Which kind of movement. */
        public enum Kind { DEPOSIT, WITHDRAWAL, INTERNAL, VAULT_DEPOSIT, VAULT_WITHDRAWAL }
    }

    /** The protocol received a new oracle price. */
    record OraclePrice(long id, long causeId, long block, int market, long price) implements ProtocolEvent {
    }

    /** One match between a resting (maker) and an incoming (taker) order, at the maker's price. */
    record Fill(long id, long causeId, long block, int market, long price, long size, Side takerSide,
                long makerOrderId, int makerAccount, long takerOrderId, int takerAccount,
                long makerFee, long takerFee, boolean liquidation) implements ProtocolEvent {
    }

    /**
     * A position moved between two accounts off the book at {@code price} (auto-deleveraging, a vault
     * takeover, an auction take): {@code toAccount} took {@code size} lots (signed as it sees them).
     */
    record PositionTransfer(long id, long causeId, long block, int market, int fromAccount, int toAccount, long size,
                            long price, String kind) implements ProtocolEvent {
    }

    /** A resting order left the book other than by a fill or its owner's cancel. */
    record OrderRemoved(long id, long causeId, long block, int market, long orderId, int account, long remaining,
                        String reason) implements ProtocolEvent {
    }

    /** A transaction was refused; nothing of it was applied. */
    record TxRejected(long id, long causeId, long block, int account, String tx, TxResult result)
            implements ProtocolEvent {
    }

    /** Funding settled in one market: payers paid {@code paid} in total, receivers got it less {@code dust}. */
    record FundingPaid(long id, long causeId, long block, int market, long ratePpb, long price, long paid,
                       long dust) implements ProtocolEvent {
    }

    /**
     * A liquidation policy acts on an account below maintenance margin: it will try to close {@code size} lots
     * (signed) of {@code market}. Its fills, then a {@link LiquidationSettled}, follow with this as their cause.
     */
    record Liquidation(long id, long causeId, long block, int account, int market, long size, int liquidator,
                       boolean partial, String policy, double healthBefore) implements ProtocolEvent {
    }

    /** What a liquidation step achieved: lots and notional closed, penalty to the insurance fund, keeper reward. */
    record LiquidationSettled(long id, long causeId, long block, int account, int market, long sizeClosed,
                              long notional, long penalty, long reward) implements ProtocolEvent {
    }

    /** An account ended a liquidation with negative value: the deficit goes to the loss waterfall. */
    record BadDebt(long id, long causeId, long block, int account, long amount) implements ProtocolEvent {
    }

    /**
     * Part of a deficit taken by one absorber of the loss waterfall (or left uncovered, absorber {@code uncovered});
     * {@code kind} says who bears it.
     */
    record LossAbsorbed(long id, long causeId, long block, String absorber, AbsorberKind kind, long amount)
            implements ProtocolEvent {
    }

    /** A governance controller or a user changed a protocol parameter. */
    record ParameterChanged(long id, long causeId, long block, String parameter, String oldValue, String newValue,
                            String by) implements ProtocolEvent {
    }

    /** Governance added {@code amount} quote micros from outside to the insurance fund behind {@code market}. */
    record InsuranceTopUp(long id, long causeId, long block, int market, long amount, String by)
            implements ProtocolEvent {
    }

    /** Governance (or a user, {@code by}) added a circuit breaker mid-run. */
    record BreakerAdded(long id, long causeId, long block, String breaker, String by) implements ProtocolEvent {
    }

    /** A circuit breaker tripped ({@code halted}) or released. */
    record Halt(long id, long causeId, long block, int market, String breaker, boolean halted, String reason)
            implements ProtocolEvent {
    }

    /**
     * A bid on a Maker LIQ-1.2 flip auction ({@code phase} {@code tend}: a higher DAI {@code bid} for the whole lot;
     * {@code dent}: the bid at the tab for fewer {@code lots}); {@code causeId} is the auction (its kick's
     * {@code liquidation} event). {@code lotValue} is the lot at the oracle when the bid ran; the bid expires at
     * {@code expiry} and the auction ends by {@code end} (block time, seconds). Amounts quote micros.
     */
    record AuctionBid(long id, long causeId, long block, long auction, int bidder, String phase, long lots, long bid,
                      long tab, long lotValue, long expiry, long end) implements ProtocolEvent {
    }

    /**
     * A flip auction was dealt: {@code winner} got {@code lots} for its winning {@code bid} (of the {@code tab});
     * {@code lotValue} is those lots at the oracle now, {@code kickValue} the whole lot at the kick's oracle price,
     * {@code seconds} the time since the kick. {@code causeId} is the auction. Amounts quote micros.
     */
    record AuctionDealt(long id, long causeId, long block, long auction, int account, int winner, long lots, long bid,
                        long tab, long lotValue, long kickValue, long seconds) implements ProtocolEvent {
    }
}
