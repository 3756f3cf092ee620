package backstop.protocol.book;

/**
 * Consulted before every individual fill, so the protocol can apply margin and open-interest checks at
 * fill time (as dYdX does) while the book knows nothing of accounts. Must not modify the book.
 */
@FunctionalInterface
public interface FillGuard {

    /** Allows every fill. */
    FillGuard ALLOW_ALL = (makerOrderId, makerAccount, takerAccount, takerSide, price, size) -> FillVerdict.ALLOW;

    /** Judges a fill of {@code size} lots at the maker's {@code price}; {@code size} is the most that can fill. */
    FillVerdict check(long makerOrderId, int makerAccount, int takerAccount, Side takerSide, long price, long size);
}
