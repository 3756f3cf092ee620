package backstop.protocol.book;

/** One price level of {@link PriceLevelBook}: a FIFO queue of resting orders with a running total size. */
final class Level {
    long price;
    long total;
    int count;
    RestingOrder head;
    RestingOrder tail;
    /** Chains the free list of recycled levels. */
    Level nextFree;

    /** Queues an order behind every order already at this price. */
    void append(RestingOrder order) {
        order.level = this;
        order.prev = tail;
        order.next = null;
        if (tail == null) {
            head = order;
        } else {
            tail.next = order;
        }
        tail = order;
        total += order.remaining;
        count++;
    }

    /** Takes an order out of the queue, wherever it is. */
    void unlink(RestingOrder order) {
        if (order.prev == null) {
            head = order.next;
        } else {
            order.prev.next = order.next;
        }
        if (order.next == null) {
            tail = order.prev;
        } else {
            order.next.prev = order.prev;
        }
        total -= order.remaining;
        count--;
    }

    boolean isEmpty() {
        return count == 0;
    }
}
