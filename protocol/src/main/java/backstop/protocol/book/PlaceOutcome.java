package backstop.protocol.book;

/** What became of an incoming order; refusals are outcomes, not exceptions. */
public enum PlaceOutcome {
    /** Nothing matched; the whole order rests. */
    RESTING,
    /** The whole order filled. */
    FILLED,
    /** Part filled and the remainder rests (GTC limit). */
    PARTIALLY_FILLED_RESTING,
    /** Part filled and the remainder was cancelled (IOC or market, liquidity ran out). */
    PARTIALLY_FILLED_CANCELLED,
    /** Nothing filled and nothing rests (IOC or market with no crossing liquidity). */
    CANCELLED_UNFILLED,
    /** Post-only order would have matched on arrival; rejected whole. */
    REJECTED_POST_ONLY_WOULD_CROSS,
    /** Self-trade prevention (CANCEL_TAKER or CANCEL_BOTH) cancelled the remainder; may have filled before. */
    CANCELLED_SELF_TRADE,
    /** The fill guard said STOP_TAKER; the remainder was cancelled; may have filled before. */
    STOPPED_BY_GUARD,
    /** An order with this id is already resting; nothing happened. */
    REJECTED_DUPLICATE_ID
}
