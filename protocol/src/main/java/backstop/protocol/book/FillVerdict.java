package backstop.protocol.book;

/** A {@link FillGuard}'s answer about one prospective fill. */
public enum FillVerdict {
    /** Let the fill happen. */
    ALLOW,
    /** Do not fill; remove the resting order (reason {@link RemovalReason#GUARD}) and try the next one. */
    REMOVE_MAKER,
    /** Do not fill; stop matching and cancel the incoming remainder, whatever its time in force. */
    STOP_TAKER
}
