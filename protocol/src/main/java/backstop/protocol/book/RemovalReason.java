package backstop.protocol.book;

/** Why the book removed a resting order while matching an incoming one. */
public enum RemovalReason {
    /** Self-trade prevention removed it: the incoming order belonged to the same account. */
    SELF_TRADE,
    /** The fill guard said {@link FillVerdict#REMOVE_MAKER}, e.g. its owner can no longer afford it. */
    GUARD
}
