package backstop.protocol.liquidation;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The running auctions of one protocol, in id order, with Maker's {@code Dirt} sums over them (MECHANISMS §6). */
final class ActiveAuctions {
    private final Map<Long, Auction> byId = new TreeMap<>();

    void add(Auction a) {
        byId.put(a.id(), a);
    }

    void remove(Auction a) {
        byId.remove(a.id());
    }

    Auction get(long id) {
        return byId.get(id);
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    Collection<Auction> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    /** Remaining tabs of all running auctions (Maker {@code Dirt}), or of one market's when {@code market} ≥ 0. */
    long remainingTab(int market) {
        long sum = 0;
        for (Auction a : byId.values()) {
            sum += market < 0 || a.market() == market ? a.remainingTab() : 0;
        }
        return sum;
    }

    /** Whether the account has an auction running. */
    boolean hasAuctions(int account) {
        for (Auction a : byId.values()) {
            if (a.account() == account) {
                return true;
            }
        }
        return false;
    }
}
