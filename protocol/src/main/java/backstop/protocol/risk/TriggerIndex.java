package backstop.protocol.risk;

import it.unimi.dsi.fastutil.longs.LongRBTreeSet;

/**
 * One market's index of accounts by the price at which they must be looked at again: a "fall" trigger fires
 * when the price drops to or below it, a "rise" trigger when it climbs to or above it. Keys pack
 * {@code price << 24 | account}, so a price move visits only the entries it crosses.
 */
final class TriggerIndex {
    /** Prices at or above this do not fit a key; such triggers are never stored (they cannot be reached). */
    static final long MAX_PRICE = (1L << 39) - 1;
    private static final int ACCOUNT_BITS = 24;
    private static final long ACCOUNT_MASK = (1L << ACCOUNT_BITS) - 1;

    private final LongRBTreeSet fall = new LongRBTreeSet();
    private final LongRBTreeSet rise = new LongRBTreeSet();

    static long key(long price, int account) {
        return (price << ACCOUNT_BITS) | account;
    }

    static long priceOf(long key) {
        return key >>> ACCOUNT_BITS;
    }

    void addFall(long key) {
        fall.add(key);
    }

    void addRise(long key) {
        rise.add(key);
    }

    void removeFall(long key) {
        fall.remove(key);
    }

    void removeRise(long key) {
        rise.remove(key);
    }

    /** Called back for each popped entry: the account and whether it was a fall (or rise) trigger. */
    @FunctionalInterface
    interface Crossed {
        void accept(int account, boolean fallTrigger);
    }

    /** Removes and reports every account whose trigger the price {@code price} reaches. */
    void popCrossed(long price, Crossed crossed) {
        long fallFloor = key(Math.max(price, 0), 0);
        while (!fall.isEmpty() && fall.lastLong() >= fallFloor) {
            long k = fall.lastLong();
            fall.remove(k);
            crossed.accept((int) (k & ACCOUNT_MASK), true);
        }
        long riseCeiling = key(Math.min(price, MAX_PRICE) + 1, 0);
        while (!rise.isEmpty() && rise.firstLong() < riseCeiling) {
            long k = rise.firstLong();
            rise.remove(k);
            crossed.accept((int) (k & ACCOUNT_MASK), false);
        }
    }

    int size() {
        return fall.size() + rise.size();
    }
}
