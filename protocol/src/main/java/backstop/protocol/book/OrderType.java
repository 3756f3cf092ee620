package backstop.protocol.book;

/** How an incoming order prices itself. */
public enum OrderType {
    /** Matches only at its limit price or better; may rest if its time in force allows. */
    LIMIT,
    /** Ignores its price, takes any liquidity on the other side, and never rests (always immediate-or-cancel). */
    MARKET
}
