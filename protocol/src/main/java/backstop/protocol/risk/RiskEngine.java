package backstop.protocol.risk;

import backstop.protocol.account.Accounts;
import backstop.protocol.margin.AccountRisk;
import backstop.protocol.margin.MarginCalculator;
import backstop.protocol.margin.MarginModel;
import backstop.protocol.market.Market;
import backstop.protocol.money.Amounts;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.ints.IntRBTreeSet;

import java.util.Arrays;
import java.util.List;

/**
 * Finds liquidatable accounts without scanning them all (DESIGN.md §4).
 *
 * <p>Each account's slack (value − maintenance requirement) is shared among its positions in proportion to
 * their notionals, and each position is indexed by the margin price at which its share would be used up —
 * for a long, p − share / (size × (1 − MMF)); for a short, p + share / (|size| × (1 + MMF)) — and by the price
 * at which its notional would climb into a higher margin tier. Every rounding makes the trigger fire early,
 * never late. A price move pops only the entries it crosses; those accounts are valued exactly at the end of
 * the block and either found liquidatable or re-indexed with fresh shares. As long as no market consumes more
 * than its share, the total consumed cannot exceed the slack, so no liquidatable account is missed.
 * Anything that changes an account's cash or positions calls {@link #refresh}.
 */
public final class RiskEngine {
    private static final long NONE = -1;

    private final Accounts accounts;
    private final MarginCalculator calc;
    private final List<Market> markets;
    private final TriggerIndex[] index;
    private long[][] fallKey;
    private long[][] riseKey;
    private long[] cause;
    private boolean[] candidate;
    private final IntArrayList candidates = new IntArrayList();
    private final IntRBTreeSet liquidatable = new IntRBTreeSet();
    private long lastCause;
    private int crossedMarket;
    private final Int2DoubleOpenHashMap health = new Int2DoubleOpenHashMap();

    public RiskEngine(Accounts accounts, MarginCalculator calc, List<Market> markets) {
        this.accounts = accounts;
        this.calc = calc;
        this.markets = markets;
        this.index = new TriggerIndex[markets.size()];
        for (int m = 0; m < index.length; m++) {
            index[m] = new TriggerIndex();
        }
        int cap = 1024;
        fallKey = new long[markets.size()][cap];
        riseKey = new long[markets.size()][cap];
        for (int m = 0; m < index.length; m++) {
            Arrays.fill(fallKey[m], NONE);
            Arrays.fill(riseKey[m], NONE);
        }
        cause = new long[cap];
        candidate = new boolean[cap];
    }

    /** Makes room for a newly opened account (it has no positions, so nothing to index). */
    public void track(int account) {
        if (account >= cause.length) {
            int n = Math.max(cause.length * 2, account + 1);
            for (int m = 0; m < index.length; m++) {
                int old = fallKey[m].length;
                fallKey[m] = Arrays.copyOf(fallKey[m], n);
                riseKey[m] = Arrays.copyOf(riseKey[m], n);
                Arrays.fill(fallKey[m], old, n, NONE);
                Arrays.fill(riseKey[m], old, n, NONE);
            }
            cause = Arrays.copyOf(cause, n);
            candidate = Arrays.copyOf(candidate, n);
        }
    }

    /**
     * The margin price of {@code market} is now {@code price}: queue every account whose trigger it crosses.
     * {@code causeId} is remembered as the cause of any liquidation they turn out to need.
     */
    public void onPriceChange(int market, long price, long causeId) {
        lastCause = causeId;
        crossedMarket = market;
        index[market].popCrossed(price, this::enqueue);
    }

    private void enqueue(int account, boolean fallTrigger) {
        // The entry is gone from the tree already; forget its key so re-indexing does not search for it.
        if (fallTrigger) {
            fallKey[crossedMarket][account] = NONE;
        } else {
            riseKey[crossedMarket][account] = NONE;
        }
        if (!candidate[account]) {
            candidate[account] = true;
            candidates.add(account);
            cause[account] = lastCause;
        }
    }

    /**
     * The account's cash or positions changed (or it was crossed): value it exactly and re-index it, or mark
     * it liquidatable. {@code causeId} becomes its liquidation cause if it is liquidatable now and was not.
     */
    public void refresh(int account, long causeId) {
        AccountRisk r = calc.risk(account);
        if (r.liquidatable()) {
            unindex(account);
            if (liquidatable.add(account)) {
                cause[account] = causeId != 0 ? causeId : cause[account];
            }
            health.put(account, r.health());
            return;
        }
        liquidatable.remove(account);
        health.remove(account);
        reindex(account, r);
    }

    /**
     * Gives the account's entries the keys its valuation {@code r} implies (none for a market it holds no position in),
     * touching a tree only where a key changed: most refreshes (a gas payment, a fill that leaves the slack's share
     * within the same tick) leave the trigger prices where they were.
     */
    private void reindex(int account, AccountRisk r) {
        long held = accounts.positionMask(account);
        for (int m = 0; m < index.length; m++) {
            if ((held & (1L << m)) == 0) {
                replaceFall(m, account, NONE);
                replaceRise(m, account, NONE);
            }
        }
        if (held == 0) {
            return;
        }
        long positions = Long.bitCount(held);
        // Requirements are rounded up per position, so each may move one micro more than the linear rate.
        long slack = Math.max(0, r.value() - r.maintenanceRequirement() - positions);
        long total = 0;
        for (long mask = held; mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            total += Math.abs(markets.get(m).spec().notional(accounts.size(account, m), calc.marginPrice(m)));
        }
        MarginModel model = calc.model();
        for (long mask = held; mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            Market market = markets.get(m);
            long size = accounts.size(account, m);
            long price = calc.marginPrice(m);
            long q = market.spec().quotePerLotTick();
            long absNotional = Math.abs(market.spec().notional(size, price));
            // One position takes the whole slack (slack × n / n exactly), without the 128-bit product mulDivFloor needs.
            long share = total == 0 || absNotional == total ? slack : Amounts.mulDivFloor(slack, absNotional, total);
            long mmf = model.maintenancePpm(market, absNotional);
            long lotsValue = Math.multiplyExact(Math.abs(size), q); // micros per tick of price
            long fall = NONE;
            long rise = tierCeilingPrice(model.maintenanceStableUpTo(market, absNotional), lotsValue);
            if (size > 0 && mmf < Amounts.PPM) {
                long perTick = Amounts.mulDivCeil(lotsValue, Amounts.PPM - mmf, Amounts.PPM);
                long p = price - share / perTick;
                fall = p >= 1 ? p : NONE;
            } else if (size < 0) {
                long perTick = Amounts.mulDivCeil(lotsValue, Amounts.PPM + mmf, Amounts.PPM);
                long p = price + share / perTick;
                rise = rise == NONE ? p : Math.min(rise, p);
            }
            replaceFall(m, account, fall == NONE ? NONE : TriggerIndex.key(fall, account));
            replaceRise(m, account, rise != NONE && rise <= TriggerIndex.MAX_PRICE ? TriggerIndex.key(rise, account) : NONE);
        }
    }

    private void replaceFall(int m, int account, long key) {
        long old = fallKey[m][account];
        if (old != key) {
            if (old != NONE) {
                index[m].removeFall(old);
            }
            if (key != NONE) {
                index[m].addFall(key);
            }
            fallKey[m][account] = key;
        }
    }

    private void replaceRise(int m, int account, long key) {
        long old = riseKey[m][account];
        if (old != key) {
            if (old != NONE) {
                index[m].removeRise(old);
            }
            if (key != NONE) {
                index[m].addRise(key);
            }
            riseKey[m][account] = key;
        }
    }

    /** The lowest price at which a position worth {@code lotsValue} micros per tick passes the tier ceiling. */
    private static long tierCeilingPrice(long ceilingNotional, long lotsValue) {
        if (ceilingNotional == Long.MAX_VALUE) {
            return NONE;
        }
        return ceilingNotional / lotsValue + 1;
    }

    private void unindex(int account) {
        for (int m = 0; m < index.length; m++) {
            replaceFall(m, account, NONE);
            replaceRise(m, account, NONE);
        }
    }

    /**
     * Values every queued and every previously liquidatable account, and returns those liquidatable now,
     * most at risk (lowest health) first, ties by id.
     */
    public int[] sweep() {
        // Accounts already liquidatable may have recovered (a deposit elsewhere, the price coming back).
        int[] before = liquidatable.toIntArray();
        for (int a : before) {
            if (!candidate[a]) {
                refresh(a, cause[a]);
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            int a = candidates.getInt(i);
            candidate[a] = false;
            refresh(a, cause[a]);
        }
        candidates.clear();
        int[] out = liquidatable.toIntArray();
        IntArrays.quickSort(out, (x, y) -> {
            int c = Double.compare(health.get(x), health.get(y));
            return c != 0 ? c : Integer.compare(x, y);
        });
        return out;
    }

    /**
     * Accounts found liquidatable at their last valuation, ascending by id — public information, as a
     * lending protocol's health factors are; it does not re-value anything.
     */
    public int[] liquidatableAccounts() {
        return liquidatable.toIntArray();
    }

    /** Whether the account was found liquidatable at its last valuation. */
    public boolean isLiquidatable(int account) {
        return liquidatable.contains(account);
    }

    /** The event that made the account liquidatable (0 if none known). */
    public long causeOf(int account) {
        return cause[account];
    }

    /** Re-values and re-indexes every account; needed when margin fractions change for everyone. */
    public void reindexAll(long causeId) {
        for (int a = 0; a < accounts.count(); a++) {
            refresh(a, causeId);
        }
    }

    /** Number of trigger entries, for memory accounting. */
    public int indexSize() {
        int n = 0;
        for (TriggerIndex i : index) {
            n += i.size();
        }
        return n;
    }
}
