package backstop.protocol.book;

/** The side of an order or a position change: buying adds size, selling removes it. */
public enum Side {
    BUY, SELL;

    /** The other side. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for a buy, -1 for a sell: the sign of the size change it causes. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    /** The side that increases a position of the given sign (longs buy more, shorts sell more). */
    public static Side ofSign(long signedSize) {
        return signedSize >= 0 ? BUY : SELL;
    }
}
