package backstop.model.world;

import backstop.protocol.Protocol;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import backstop.protocol.vault.VaultShares;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntList;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * What each owner could claim from the protocol's ledger, read the same way for every agent: for each account it
 * opened, the account's value at the margin price, never below zero (an owner walks away from an insolvent account;
 * the rest is borne by others and counted as open insolvency), plus the value of the vault shares the account holds,
 * minus what it brought in from outside net of what it took out ({@code transfer} events DEPOSIT and WITHDRAWAL).
 * Gas is inside: it is posted from the account to the validators. The world feeds it every protocol event.
 */
public final class Claims {
    private final Protocol protocol;
    private final Int2ObjectOpenHashMap<IntArrayList> accountsByOwner = new Int2ObjectOpenHashMap<>();
    private final LongArrayList netDeposited = new LongArrayList();

    public Claims(Protocol protocol) {
        this.protocol = protocol;
    }

    void accept(ProtocolEvent e) {
        if (e instanceof ProtocolEvent.AccountOpened o) {
            accountsByOwner.computeIfAbsent(o.owner(), k -> new IntArrayList()).add(o.account());
            while (netDeposited.size() <= o.account()) {
                netDeposited.add(0);
            }
        } else if (e instanceof ProtocolEvent.Transfer t) {
            if (t.kind() == ProtocolEvent.Transfer.Kind.DEPOSIT) {
                add(t.toAccount(), t.amount());
            } else if (t.kind() == ProtocolEvent.Transfer.Kind.WITHDRAWAL) {
                add(t.fromAccount(), -t.amount());
            }
        }
    }

    private void add(int account, long amount) {
        if (account >= 0 && account < netDeposited.size()) {
            netDeposited.set(account, Math.addExact(netDeposited.getLong(account), amount));
        }
    }

    /** The accounts {@code owner} opened (empty if none). */
    public IntList accountsOf(int owner) {
        IntArrayList list = accountsByOwner.get(owner);
        return list == null ? IntList.of() : list;
    }

    /** What came in from outside into {@code account} net of what went out, micro-units. */
    public long netDeposited(int account) {
        return netDeposited.getLong(account);
    }

    /** The owner's payoff from the ledger, micro-units: Σ over its accounts of max(0, value) + vault claim − net deposits. */
    public long payoffMicros(int owner) {
        long total = 0;
        for (int a : accountsOf(owner)) {
            total = Math.addExact(total, Math.max(0, protocol.risk(a).value()) + vaultClaim(a) - netDeposited(a));
        }
        return total;
    }

    /** Negative equity the owner walked away from: Σ over its accounts of max(0, −value), micro-units. */
    public long walkedAwayMicros(int owner) {
        long total = 0;
        for (int a : accountsOf(owner)) {
            total = Math.addExact(total, Math.max(0, -protocol.risk(a).value()));
        }
        return total;
    }

    /** The value of the vault shares {@code account} holds, rounded down (0 without a vault or when it is under water). */
    public long vaultClaim(int account) {
        int vault = protocol.vaultAccount();
        if (vault < 0) {
            return 0;
        }
        VaultShares shares = protocol.vaultShares();
        long held = shares.sharesOf(account);
        return held == 0 ? 0 : shares.valueOf(held, Math.max(0, protocol.risk(vault).value()));
    }

    /** The payoff of {@code owner} in quote units. */
    public double payoff(int owner) {
        return Amounts.toUnits(payoffMicros(owner));
    }
}
