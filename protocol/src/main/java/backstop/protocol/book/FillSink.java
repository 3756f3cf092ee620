package backstop.protocol.book;

/**
 * Receives what matching did, in matching order, as primitive arguments (nothing is allocated per fill).
 * Called after the book has applied the change; must not modify the book.
 */
public interface FillSink {

    /** Ignores everything. */
    FillSink NONE = new FillSink() {
        @Override
        public void onFill(long makerOrderId, int makerAccount, long takerOrderId, int takerAccount,
                           Side takerSide, long price, long size, long makerRemaining) {
        }

        @Override
        public void onMakerRemoved(long orderId, int account, Side side, long price, long remainingSize,
                                   RemovalReason reason) {
        }
    };

    /** One fill of {@code size} lots at the maker's {@code price}; {@code makerRemaining} is 0 if the maker is gone. */
    void onFill(long makerOrderId, int makerAccount, long takerOrderId, int takerAccount,
                Side takerSide, long price, long size, long makerRemaining);

    /** A resting order removed unfilled during matching, with the size it still had. */
    void onMakerRemoved(long orderId, int account, Side side, long price, long remainingSize, RemovalReason reason);
}
