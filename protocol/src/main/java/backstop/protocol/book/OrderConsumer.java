package backstop.protocol.book;

/** Visits one resting order. */
@FunctionalInterface
public interface OrderConsumer {

    /** A resting order and the size it still offers. */
    void accept(long orderId, int account, Side side, long price, long remaining);
}
