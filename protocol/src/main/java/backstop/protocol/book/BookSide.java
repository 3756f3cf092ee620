package backstop.protocol.book;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongComparators;
import it.unimi.dsi.fastutil.longs.LongIterator;
import it.unimi.dsi.fastutil.longs.LongRBTreeSet;

/**
 * The resting orders of one side of {@link PriceLevelBook}: levels found by price through a hash map,
 * ordered best first by a red-black tree of prices, with the best level cached.
 */
final class BookSide {
    final Side side;
    /** True for asks, whose best price is the lowest. */
    private final boolean ascending;
    private final Long2ObjectOpenHashMap<Level> levels = new Long2ObjectOpenHashMap<>();
    /** Prices of the non-empty levels, best first; iterated, unlike {@link #levels}. */
    private final LongRBTreeSet prices;
    private Level best;
    private Level freeLevels;

    BookSide(Side side) {
        this.side = side;
        this.ascending = side == Side.SELL;
        this.prices = new LongRBTreeSet(ascending ? LongComparators.NATURAL_COMPARATOR
                                                  : LongComparators.OPPOSITE_COMPARATOR);
    }

    /** The best level, or null if the side is empty. */
    Level best() {
        return best;
    }

    long bestPrice() {
        return best == null ? OrderBook.NO_PRICE : best.price;
    }

    /** Whether a resting price is at least as good as {@code limit} for a taker (so a taker at limit crosses it). */
    boolean reaches(long price, long limit) {
        return ascending ? price <= limit : price >= limit;
    }

    /** Whether a taker with this limit would match the best level. */
    boolean crosses(long limit) {
        return best != null && reaches(best.price, limit);
    }

    Level levelAt(long price) {
        return levels.get(price);
    }

    /** The level at {@code price}, created (and made best if it is) when there is none. */
    Level levelFor(long price) {
        Level level = levels.get(price);
        if (level != null) {
            return level;
        }
        level = freeLevels;
        if (level == null) {
            level = new Level();
        } else {
            freeLevels = level.nextFree;
            level.nextFree = null;
        }
        level.price = price;
        levels.put(price, level);
        prices.add(price);
        if (best == null || (ascending ? price < best.price : price > best.price)) {
            best = level;
        }
        return level;
    }

    /** Drops a level that has just become empty and recycles it. */
    void removeEmpty(Level level) {
        levels.remove(level.price);
        prices.remove(level.price);
        if (level == best) {
            best = prices.isEmpty() ? null : levels.get(prices.firstLong());
        }
        level.head = null;
        level.tail = null;
        level.total = 0;
        level.nextFree = freeLevels;
        freeLevels = level;
    }

    int levelCount() {
        return levels.size();
    }

    void forEachLevel(int maxLevels, LevelConsumer consumer) {
        LongIterator it = prices.iterator();
        for (int n = 0; n < maxLevels && it.hasNext(); n++) {
            Level level = levels.get(it.nextLong());
            consumer.accept(level.price, level.total, level.count);
        }
    }

    long depthWithin(long limitPrice) {
        long depth = 0;
        for (LongIterator it = prices.iterator(); it.hasNext(); ) {
            long price = it.nextLong();
            if (!reaches(price, limitPrice)) {
                break;
            }
            depth += levels.get(price).total;
        }
        return depth;
    }

    void forEachOrder(OrderConsumer consumer) {
        for (LongIterator it = prices.iterator(); it.hasNext(); ) {
            for (RestingOrder o = levels.get(it.nextLong()).head; o != null; o = o.next) {
                consumer.accept(o.id, o.account, o.side, o.price, o.remaining);
            }
        }
    }
}
