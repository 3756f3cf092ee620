package backstop.protocol.book;

/**
 * A resting order of {@link PriceLevelBook}: a node of two intrusive doubly-linked lists, its level's FIFO
 * queue and its account's orders. Nodes are recycled, so no reference to one may outlive its removal.
 */
final class RestingOrder {
    long id;
    int account;
    Side side;
    long price;
    long remaining;
    Level level;
    /** Neighbours in the level's time-priority queue; {@code next} also chains the free list. */
    RestingOrder prev;
    RestingOrder next;
    /** Neighbours among the account's resting orders, in the order they began to rest. */
    RestingOrder accountPrev;
    RestingOrder accountNext;

    void set(long id, int account, Side side, long price, long remaining) {
        this.id = id;
        this.account = account;
        this.side = side;
        this.price = price;
        this.remaining = remaining;
    }

    /** Drops every link so a recycled node holds on to nothing. */
    void clearLinks() {
        level = null;
        prev = null;
        next = null;
        accountPrev = null;
        accountNext = null;
    }
}
