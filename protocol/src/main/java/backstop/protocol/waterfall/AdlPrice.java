package backstop.protocol.waterfall;

/** The price at which auto-deleveraging offsets a bankrupt position against its counterparties. */
public enum AdlPrice {
    /**
     * The bankrupt account's bankruptcy price, so the counterparties pay its deficit (dYdX, BitMEX, Binance;
     * MECHANISMS.md §1, §3).
     */
    BANKRUPTCY,
    /** The current oracle price, the "previous oracle price" of the next block (Hyperliquid, MECHANISMS.md §2). */
    ORACLE,
    /** The current mark price (HIP-3 deployers: "closed at the previous mark price", MECHANISMS.md §2). */
    MARK
}
