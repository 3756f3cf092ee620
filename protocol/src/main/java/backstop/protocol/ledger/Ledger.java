package backstop.protocol.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Double-entry ledger of quote micro-units over pots (DESIGN.md §3).
 *
 * <p>A pot is an {@code int}: account pots are the account ids (≥ 0) and may hold negative cash (a long
 * position is paid for in cash); system pots have negative ids handed out by {@link #openPot}. Every
 * movement is one {@link #post} from one pot to another, so the sum over all pots never changes; it starts
 * at zero and {@link #total()} recomputes it for conservation checks.
 */
public final class Ledger {
    private long[] accountBalance = new long[1024];
    private int accountCount;
    private final List<SystemPot> systemPots = new ArrayList<>();
    private final List<PostingListener> listeners = new ArrayList<>();

    /** A named system pot. */
    private static final class SystemPot {
        final String name;
        final PotKind kind;
        long balance;

        SystemPot(String name, PotKind kind) {
            this.name = name;
            this.kind = kind;
        }
    }

    /** Registers a system pot and returns its id (negative). Names must be unique. */
    public int openPot(String name, PotKind kind) {
        for (SystemPot p : systemPots) {
            if (p.name.equals(name)) {
                throw new IllegalArgumentException("pot '" + name + "' already exists");
            }
        }
        systemPots.add(new SystemPot(name, kind));
        return -systemPots.size();
    }

    /** Makes room for account pot {@code account}; account pots start at zero. */
    public void openAccountPot(int account) {
        if (account != accountCount) {
            throw new IllegalStateException("account pots are opened in order; expected " + accountCount + ", got " + account);
        }
        if (account == accountBalance.length) {
            accountBalance = Arrays.copyOf(accountBalance, accountBalance.length * 2);
        }
        accountCount++;
    }

    /** Adds a listener told about every posting, in order. */
    public void addListener(PostingListener listener) {
        listeners.add(listener);
    }

    /**
     * Moves {@code amount} (≥ 0; zero is a no-op) from one pot to another. A system pot that may not go negative
     * and would is a bug in the caller, and throws before anything changes.
     */
    public void post(int from, int to, long amount, PostingReason reason) {
        if (amount < 0) {
            throw new IllegalArgumentException("posting amount must be ≥ 0, got " + amount + " (" + reason + ")");
        }
        if (amount == 0 || from == to) {
            return;
        }
        if (from < 0) {
            SystemPot p = pot(from);
            if (!p.kind.mayGoNegative() && p.balance < amount) {
                throw new IllegalStateException("pot " + p.name + " holds " + p.balance + ", cannot pay " + amount + " (" + reason + ")");
            }
            p.balance -= amount;
        } else {
            accountBalance[checkAccount(from)] = Math.subtractExact(accountBalance[from], amount);
        }
        if (to < 0) {
            SystemPot p = pot(to);
            p.balance = Math.addExact(p.balance, amount);
        } else {
            accountBalance[checkAccount(to)] = Math.addExact(accountBalance[to], amount);
        }
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onPosting(from, to, amount, reason);
        }
    }

    /** The balance of any pot. */
    public long balance(int pot) {
        return pot < 0 ? pot(pot).balance : accountBalance[checkAccount(pot)];
    }

    /** The name of a system pot, or {@code account:N}. */
    public String name(int pot) {
        return pot < 0 ? pot(pot).name : "account:" + pot;
    }

    /** The kind of a system pot. */
    public PotKind kind(int pot) {
        return pot(pot).kind;
    }

    /** Ids of all system pots, in opening order. */
    public int[] systemPotIds() {
        int[] ids = new int[systemPots.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = -(i + 1);
        }
        return ids;
    }

    /** Number of account pots. */
    public int accountCount() {
        return accountCount;
    }

    /** Sum over every pot, recomputed from scratch; always 0 unless the ledger is broken. */
    public long total() {
        long sum = 0;
        for (int i = 0; i < accountCount; i++) {
            sum = Math.addExact(sum, accountBalance[i]);
        }
        for (SystemPot p : systemPots) {
            sum = Math.addExact(sum, p.balance);
        }
        return sum;
    }

    private SystemPot pot(int id) {
        int index = -id - 1;
        if (index < 0 || index >= systemPots.size()) {
            throw new IllegalArgumentException("no system pot " + id);
        }
        return systemPots.get(index);
    }

    private int checkAccount(int account) {
        if (account >= accountCount) {
            throw new IllegalArgumentException("no account pot " + account);
        }
        return account;
    }
}
