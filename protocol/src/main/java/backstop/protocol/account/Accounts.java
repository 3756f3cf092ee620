package backstop.protocol.account;

import backstop.protocol.money.Amounts;

import java.util.Arrays;

/**
 * Every margin account's identity and positions, stored column-wise so a million idle accounts cost a few
 * hundred bytes each. Cash (collateral) lives in the ledger's account pots under the same ids.
 *
 * <p>An account is cross-margin (any market, one shared collateral pool) or isolated to one market with its
 * own collateral, as dYdX v4 models isolated positions as subaccounts. Positions are signed lots; each also
 * carries its cost basis (signed quote paid to open it, average-cost rule) for entry prices, PnL% and ADL
 * rankings. The cost basis is metadata: account value never needs it (DESIGN.md §3).
 */
public final class Accounts {
    /** The largest number of accounts; risk-index keys pack the id into 24 bits. */
    public static final int MAX_ACCOUNTS = 1 << 24;

    private final int marketCount;
    private int count;
    private int[] owner = new int[1024];
    private short[] isolatedMarket = new short[1024];
    private int[] tag = new int[1024];
    private long[] positionMask = new long[1024];
    private byte[] lastMarket = new byte[1024];
    private final long[][] size;
    private final long[][] cost;

    public Accounts(int marketCount) {
        if (marketCount < 1 || marketCount > 64) {
            throw new IllegalArgumentException("marketCount must be in [1, 64], got " + marketCount);
        }
        this.marketCount = marketCount;
        this.size = new long[marketCount][1024];
        this.cost = new long[marketCount][1024];
    }

    /** Adds an account and returns its id (ids are dense, from 0). */
    public int open(int ownerId, int isolated, int tagValue) {
        if (count == MAX_ACCOUNTS) {
            throw new IllegalStateException("at most " + MAX_ACCOUNTS + " accounts");
        }
        if (count == owner.length) {
            grow();
        }
        int id = count++;
        owner[id] = ownerId;
        isolatedMarket[id] = (short) isolated;
        tag[id] = tagValue;
        return id;
    }

    private void grow() {
        int n = owner.length * 2;
        owner = Arrays.copyOf(owner, n);
        isolatedMarket = Arrays.copyOf(isolatedMarket, n);
        tag = Arrays.copyOf(tag, n);
        positionMask = Arrays.copyOf(positionMask, n);
        lastMarket = Arrays.copyOf(lastMarket, n);
        for (int m = 0; m < marketCount; m++) {
            size[m] = Arrays.copyOf(size[m], n);
            cost[m] = Arrays.copyOf(cost[m], n);
        }
    }

    public int count() {
        return count;
    }

    public int marketCount() {
        return marketCount;
    }

    public boolean exists(int account) {
        return account >= 0 && account < count;
    }

    public int owner(int account) {
        return owner[account];
    }

    /** The market an isolated account is bound to, or -1 for a cross-margin account. */
    public int isolatedMarket(int account) {
        return isolatedMarket[account];
    }

    /** A caller-chosen label (e.g. the agent class), used to attribute value flows. */
    public int tag(int account) {
        return tag[account];
    }

    /** Signed position in lots. */
    public long size(int account, int market) {
        return size[market][account];
    }

    /** Signed cost basis of the open position, quote micros (positive for a long). */
    public long cost(int account, int market) {
        return cost[market][account];
    }

    /** Bit m set when the account holds a position in market m. */
    public long positionMask(int account) {
        return positionMask[account];
    }

    /** The market of the account's latest fill (0 before any): where a deficit it ends with arose. */
    public int lastMarket(int account) {
        return lastMarket[account];
    }

    /** Whether the account holds any position. */
    public boolean hasPositions(int account) {
        return positionMask[account] != 0;
    }

    /**
     * Applies a fill of {@code delta} lots (signed) at a trade worth {@code notional} quote micros (signed like
     * delta) and updates the cost basis by the average-cost rule. Returns the change of the account's long
     * size (for open interest).
     */
    public long applyFill(int account, int market, long delta, long notional) {
        long before = size[market][account];
        long after = Math.addExact(before, delta);
        long c = cost[market][account];
        if (before == 0 || Long.signum(before) == Long.signum(delta)) {
            c = Math.addExact(c, notional);
        } else if (after != 0 && Long.signum(after) == Long.signum(before)) {
            c -= Amounts.mulDivFloor(c, Math.abs(delta), Math.abs(before)); // the closed fraction of the basis
        } else {
            c = after == 0 ? 0 : Amounts.mulDivFloor(notional, Math.abs(after), Math.abs(delta)); // flipped: the rest opens here
        }
        size[market][account] = after;
        cost[market][account] = c;
        lastMarket[account] = (byte) market;
        if (after == 0) {
            positionMask[account] &= ~(1L << market);
        } else {
            positionMask[account] |= 1L << market;
        }
        return Math.max(after, 0) - Math.max(before, 0);
    }
}
