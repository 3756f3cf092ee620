package backstop.protocol.book;

/** Visits one price level of a book side. */
@FunctionalInterface
public interface LevelConsumer {

    /** A level at {@code price} holding {@code totalSize} lots in {@code orders} resting orders. */
    void accept(long price, long totalSize, int orders);
}
