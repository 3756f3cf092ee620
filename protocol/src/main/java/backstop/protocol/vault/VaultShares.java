package backstop.protocol.vault;

import backstop.protocol.money.Amounts;
import it.unimi.dsi.fastutil.ints.Int2LongRBTreeMap;

/**
 * Liquidity-provider shares of the protocol's backstop vault (Hyperliquid HLP): depositors own the vault's
 * value in proportion to their shares. Deposits mint shares at the current value per share (rounded down, in
 * the vault's favour); withdrawals burn shares for their value (rounded down) once the holder's lock-up since
 * its last deposit has passed. The initial seed is held by the protocol ({@link #PROTOCOL}).
 */
public final class VaultShares {
    /** The holder of the seed's shares. */
    public static final int PROTOCOL = -1;

    private final long lockupSeconds;
    private final Int2LongRBTreeMap shares = new Int2LongRBTreeMap();
    private final Int2LongRBTreeMap lastDeposit = new Int2LongRBTreeMap();
    private long total;

    public VaultShares(long lockupSeconds) {
        if (lockupSeconds < 0) {
            throw new IllegalArgumentException("vault lock-up must be ≥ 0 seconds, got " + lockupSeconds);
        }
        this.lockupSeconds = lockupSeconds;
    }

    /** Shares minted for {@code amount} deposited when the vault is worth {@code vaultValue} (before the deposit). */
    public long mint(int holder, long amount, long vaultValue, long now) {
        long minted = total == 0 || vaultValue <= 0 ? amount : Amounts.mulDivFloor(amount, total, vaultValue);
        shares.put(holder, shares.get(holder) + minted);
        total += minted;
        lastDeposit.put(holder, now);
        return minted;
    }

    /** The value (rounded down) of {@code count} shares when the vault is worth {@code vaultValue}. */
    public long valueOf(long count, long vaultValue) {
        return total == 0 || vaultValue <= 0 ? 0 : Amounts.mulDivFloor(count, vaultValue, total);
    }

    /** Burns {@code count} of the holder's shares. */
    public void burn(int holder, long count) {
        long held = shares.get(holder);
        if (count <= 0 || count > held) {
            throw new IllegalArgumentException("cannot burn " + count + " of " + held + " shares");
        }
        shares.put(holder, held - count);
        total -= count;
    }

    /** Whether the holder's lock-up since its last deposit has passed at {@code now}. */
    public boolean unlocked(int holder, long now) {
        return !lastDeposit.containsKey(holder) || now - lastDeposit.get(holder) >= lockupSeconds;
    }

    public long sharesOf(int holder) {
        return shares.get(holder);
    }

    public long total() {
        return total;
    }

    public long lockupSeconds() {
        return lockupSeconds;
    }
}
