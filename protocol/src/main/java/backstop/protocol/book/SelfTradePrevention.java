package backstop.protocol.book;

/** What the book does when an incoming order reaches a resting order of the same account; never a fill. */
public enum SelfTradePrevention {
    /** Remove the resting order (reason {@link RemovalReason#SELF_TRADE}) and keep matching. */
    CANCEL_RESTING,
    /** Stop matching and cancel the incoming remainder; the resting order stays. */
    CANCEL_TAKER,
    /** Remove the resting order and cancel the incoming remainder. */
    CANCEL_BOTH
}
