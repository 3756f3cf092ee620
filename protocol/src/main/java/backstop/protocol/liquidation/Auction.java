package backstop.protocol.liquidation;

/**
 * One running Dutch auction of a liquidated position, held by the backstop vault (a Maker Clipper "sale",
 * MECHANISMS §6); read-only outside this package. Its id is the id of the {@code liquidation} event that kicked it.
 * Prices are ticks, sizes lots, amounts quote micros.
 */
public final class Auction {
    private final long id;
    private final int account;
    private final int market;
    private final int side;
    private final long lotsAtKick;
    private final long kickPrice;
    private final long debt;
    private final long penalty;
    private final int kicker;
    private final double healthAtKick;
    private long lots;
    private long referencePrice;
    private long top;
    private long startTime;
    private long raised;
    private long cash;
    private long notionalSold;
    private long rewards;
    private int resets;

    Auction(long id, int account, int market, long size, long kickPrice, long top, long now, long cash, long debt,
            long penalty, int kicker, double healthAtKick) {
        this.id = id;
        this.account = account;
        this.market = market;
        this.side = Long.signum(size);
        this.lotsAtKick = Math.abs(size);
        this.lots = lotsAtKick;
        this.kickPrice = kickPrice;
        this.referencePrice = kickPrice;
        this.top = top;
        this.startTime = now;
        this.cash = cash;
        this.debt = debt;
        this.penalty = penalty;
        this.kicker = kicker;
        this.healthAtKick = healthAtKick;
    }

    /** The decayed (long-side) price now: top × abacus(elapsed since the kick or the last reset). */
    long decayedPrice(Abacus abacus, long now) {
        return abacus.price(top, now - startTime);
    }

    /** The price a take pays now: the decayed price for a long; its mirror 2 × reference − decayed for a short. */
    long takePrice(long decayed) {
        return side > 0 ? decayed : 2 * referencePrice - decayed;
    }

    /** Records a take of {@code slice} lots that paid {@code flow} (signed, into the vault) at {@code price}. */
    void sell(long slice, long flow, long price, long quotePerLotTick) {
        lots -= slice;
        cash += flow;
        notionalSold += Math.abs(flow);
        // What the take recovers toward the tab: the cash for a long; for a short, the lots valued at the kick price
        // less the keeper's premium over it, slice × (2 × kick price − price). Both reach debt + N at the end.
        raised += side > 0 ? flow : Math.multiplyExact(slice, Math.multiplyExact(2 * kickPrice - price, quotePerLotTick));
    }

    /**
     * A flip bid moved {@code cashIn} (signed) into the vault for this auction (the new bid locked, the outbid one
     * refunded), and the auction has now raised {@code bid} toward its tab (Maker's {@code bids[id].bid}).
     */
    void bid(long cashIn, long bid) {
        cash = Math.addExact(cash, cashIn);
        raised = bid;
    }

    /**
     * A flip auction hands {@code slice} lots out of the vault (to the winner at {@code deal}, or back to the account
     * after {@code dent}), the vault paying {@code cashOut} with them; {@code sold} is what they brought in.
     */
    void deliver(long slice, long cashOut, long sold) {
        lots -= slice;
        cash = Math.subtractExact(cash, cashOut);
        notionalSold = Math.addExact(notionalSold, sold);
    }

    void reset(long referencePrice, long top, long now) {
        this.referencePrice = referencePrice;
        this.top = top;
        this.startTime = now;
        this.resets++;
    }

    void addReward(long reward) {
        this.rewards += reward;
    }

    public long id() {
        return id;
    }

    /** The liquidated account. */
    public int account() {
        return account;
    }

    public int market() {
        return market;
    }

    /** +1 when a long position is auctioned (keepers buy), −1 for a short (keepers take over the short). */
    public int side() {
        return side;
    }

    /** Lots still for sale (Maker {@code lot}). */
    public long lots() {
        return lots;
    }

    public long lotsAtKick() {
        return lotsAtKick;
    }

    /** Oracle price at the kick, ticks: the price the position was seized at. */
    public long kickPrice() {
        return kickPrice;
    }

    /** Oracle price at the kick or the latest reset, ticks. */
    public long referencePrice() {
        return referencePrice;
    }

    /** Start price of the current round, ticks (Maker {@code top} = reference × buf). */
    public long top() {
        return top;
    }

    /** Block time the current round started, seconds (Maker {@code tic}). */
    public long startTime() {
        return startTime;
    }

    /** Notional at the kick price less the equity seized: what the position owed (for a long, minus its cash). */
    public long debt() {
        return debt;
    }

    /** Penalty due, chop × debt, rounded up. */
    public long penalty() {
        return penalty;
    }

    /** Debt plus penalty: what the auction should raise (Maker {@code tab} at the kick). */
    public long tab() {
        return debt + penalty;
    }

    /** What the takes so far recovered toward the tab (see {@link #sell}). */
    public long raised() {
        return raised;
    }

    /** The part of the tab not yet raised: this auction's share of Maker's {@code Dirt}. */
    public long remainingTab() {
        return Math.max(0, tab() - raised);
    }

    /** The vault's signed cash from this auction so far: seized equity, minus the position's price, plus takes. */
    public long cash() {
        return cash;
    }

    /** Σ |size × price| of the takes so far, quote micros. */
    public long notionalSold() {
        return notionalSold;
    }

    /** The keeper that kicked the auction, or -1 when the protocol did. */
    public int kicker() {
        return kicker;
    }

    /** The account's health when it was kicked. */
    public double healthAtKick() {
        return healthAtKick;
    }

    /** Keeper incentives (tip + chip) paid so far for the kick and the resets, quote micros. */
    public long rewards() {
        return rewards;
    }

    /** Number of resets (Maker {@code redo}) so far. */
    public int resets() {
        return resets;
    }
}
