package backstop.protocol.waterfall;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cross-protocol pooled insurance (DESIGN.md §4, MECHANISMS.md §(b)8): one pot of quote micros outside every
 * member protocol, shared by them, each member capped in what it may draw in total. A draw leaves the pool and
 * enters the member's ledger through its external pot ({@link PooledInsuranceAbsorber}), so the world's value —
 * the pool plus what every member holds — is conserved exactly. One market's debt can drain what another member
 * later finds: the "cross-domain insurance drain".
 */
public final class InsurancePool {
    private long balance;
    private final Map<String, long[]> members = new LinkedHashMap<>();

    /** {@code balance}: quote micros the pool starts with (≥ 0). */
    public InsurancePool(long balance) {
        if (balance < 0) {
            throw new IllegalArgumentException("balance: must be ≥ 0, got " + balance);
        }
        this.balance = balance;
    }

    /** Admits a member that may draw at most {@code cap} quote micros in total; names are unique. */
    public void admit(String member, long cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("cap of " + member + ": must be ≥ 0, got " + cap);
        }
        if (members.containsKey(member)) {
            throw new IllegalArgumentException("member '" + member + "' is already in the pool");
        }
        members.put(member, new long[] {cap, 0});
    }

    /** Whether {@code member} has been admitted. */
    public boolean isMember(String member) {
        return members.containsKey(member);
    }

    /** Quote micros in the pool now. */
    public long balance() {
        return balance;
    }

    /** Total the member has drawn so far. */
    public long drawn(String member) {
        return entry(member)[1];
    }

    /** The member's cap. */
    public long cap(String member) {
        return entry(member)[0];
    }

    /** What the member could draw now: min(pool balance, cap − drawn). */
    public long available(String member) {
        long[] e = entry(member);
        return Math.min(balance, e[0] - e[1]);
    }

    /** Takes up to {@code wanted} (≥ 0) for the member; returns what was taken. The caller must credit it. */
    public long draw(String member, long wanted) {
        if (wanted < 0) {
            throw new IllegalArgumentException("wanted: must be ≥ 0, got " + wanted);
        }
        long taken = Math.min(wanted, available(member));
        balance -= taken;
        entry(member)[1] += taken;
        return taken;
    }

    /** Adds {@code amount} (≥ 0) from outside every member (premiums, a top-up). */
    public void deposit(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount: must be ≥ 0, got " + amount);
        }
        balance = Math.addExact(balance, amount);
    }

    private long[] entry(String member) {
        long[] e = members.get(member);
        if (e == null) {
            throw new IllegalArgumentException("no member '" + member + "' in the pool; members: " + members.keySet());
        }
        return e;
    }
}
