package backstop.protocol.book;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;

/**
 * Per-account index of {@link PriceLevelBook}'s resting orders, so cancelling an account's orders does not
 * scan the book. Each account's orders form an intrusive list in the order they began to rest; the hash
 * map is only looked up, never iterated.
 */
final class AccountOrders {

    /** Head and tail of one account's list. */
    private static final class Chain {
        RestingOrder head;
        RestingOrder tail;
    }

    private final Int2ObjectOpenHashMap<Chain> chains = new Int2ObjectOpenHashMap<>();

    void add(RestingOrder order) {
        Chain chain = chains.get(order.account);
        if (chain == null) {
            chain = new Chain();
            chains.put(order.account, chain);
        }
        order.accountPrev = chain.tail;
        order.accountNext = null;
        if (chain.tail == null) {
            chain.head = order;
        } else {
            chain.tail.accountNext = order;
        }
        chain.tail = order;
    }

    void remove(RestingOrder order) {
        Chain chain = chains.get(order.account);
        if (order.accountPrev == null) {
            chain.head = order.accountNext;
        } else {
            order.accountPrev.accountNext = order.accountNext;
        }
        if (order.accountNext == null) {
            chain.tail = order.accountPrev;
        } else {
            order.accountNext.accountPrev = order.accountPrev;
        }
    }

    /** The account's earliest resting order, or null. */
    RestingOrder first(int account) {
        Chain chain = chains.get(account);
        return chain == null ? null : chain.head;
    }
}
