package backstop.protocol.book;

/** What happens to the part of an incoming limit order that does not fill on arrival. */
public enum TimeInForce {
    /** Good till cancelled: the remainder rests in the book. */
    GTC,
    /** Immediate or cancel: the remainder is cancelled. */
    IOC
}
