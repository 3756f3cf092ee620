package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.EventBus;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.margin.AccountRisk;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.TxResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;

/**
 * MakerDAO Liquidations 2.0 for perpetuals (MECHANISMS §6, MIP45): a liquidatable account's positions and equity are
 * seized into the backstop vault, and each position is sold to keepers in a Dutch auction whose price starts at
 * top = oracle × buf and decays by an {@link Abacus}; keepers buy any part with {@code Tx.TakeAuction}.
 *
 * <p><b>What is sold, at what price.</b> At the kick (Maker {@code bark}) the account's equity V₀ = cash + Σ size ×
 * oracle moves to the vault, then each position moves to the vault at the oracle price, so the account is left flat
 * with zero cash and nothing it could withdraw. The account's equity is split among its positions in proportion to
 * notional; each position's debt = |notional| − equity share (for a long exactly the cash it owed), and its tab =
 * debt + chop × debt. A take of q lots moves q lots from the vault to the keeper at the current price: for a long
 * the keeper pays top × decay; for a short the keeper takes over the short and is paid the mirror price 2 × ref −
 * top × decay, so the keeper's discount to the reference oracle is the same fraction on both sides and rises as the
 * auction ages. The whole position is always sold (Maker stops at the tab and hands back the rest of the collateral;
 * a short has no collateral to hand back, so here the surplus cash is returned instead): once an auction is sold
 * out, its penalty (at most what it brought in) goes to the insurance fund, and what the account's auctions brought
 * beyond their debt and penalties goes back to the account; a shortfall becomes the account's deficit for the loss
 * waterfall once it is flat ({@link AuctionSettlement}). The vault only holds auctions and ends even.
 *
 * <p><b>Reset and incentives.</b> An auction needs a reset (Maker {@code redo}) once more than {@code tail} seconds
 * have passed or price &lt; cusp × top (or the price reached zero); a keeper resets it with a {@code TakeAuction} of
 * size 0 and earns tip + chip × remaining tab, as the kicking keeper does; auctions still stale at the end of the
 * block are reset by the protocol, which pays no one. Incentives are paid from the market's insurance fund (Maker's
 * {@code vow.suck}), as far as it holds. A kick is skipped (and retried every block) while its tabs would lift the
 * active tabs above {@code Hole} or a market's above {@code ilk.hole}; Maker's partial {@code bark} is not modelled.
 * {@code auction.stopped} is Maker's breaker: 1 no kicks, 2 also no resets, 3 also no takes.
 *
 * <p><b>Reading an auction from the events.</b> The kick is a {@code liquidation} event (policy
 * {@code dutch-auction}; its id is the auction id), followed by a {@code transfer} (INTERNAL, caused by the auction)
 * of the seized equity and a {@code position_transfer} of kind {@code auction-kick} at the oracle. Each take is a
 * {@code position_transfer} of kind {@code auction-take} from the vault to the keeper at the take price, caused by the
 * auction. Each reset is a {@code liquidation} event with policy {@code dutch-auction-reset}, caused by the auction,
 * naming the keeper (-1: the protocol) and the lots left; it has no {@code liquidation_settled} of its own, so there
 * is exactly one per auction: when the auction is sold out, a {@code liquidation_settled} caused by the kick gives
 * the lots, the notional sold, the penalty kept and every keeper incentive paid (kick and resets). A surplus returned
 * is a {@code transfer} from the vault caused by the auction, a shortfall a {@code bad_debt} caused by it.
 *
 * <p>The design needs a backstop vault ({@code ProtocolConfig.backstopVaultSeed > 0}) with enough value to carry the
 * auctions' debts and price risk while they run; the vault itself is never liquidated by this policy, but should it
 * become bankrupt the waterfall's position stage (e.g. auto-deleveraging) could close lots it holds for auctions,
 * which this policy does not anticipate. Keepers see auctions through {@link #auctions()} and {@link #takePrice}.
 */
public final class DutchAuctionLiquidation implements LiquidationPolicy, Tunable {
    /** Policy name on kick events. */
    public static final String NAME = "dutch-auction";
    /** Policy name on reset events. */
    public static final String RESET = "dutch-auction-reset";

    private final Abacus abacus;
    private final boolean protocolTriggered;
    private final AuctionParameters terms;
    private final ActiveAuctions active = new ActiveAuctions();
    private final AuctionSettlement settlement = new AuctionSettlement();
    private final AuctionKick kick;

    /**
     * @param abacus            the price decay
     * @param terms             buf, tail, cusp, chip, tip, chop, Hole, ilk.hole (initial values of the parameters)
     * @param protocolTriggered true: the protocol kicks every liquidatable account at the end of each block; false:
     *                          keepers kick with {@code Tx.Liquidate} and earn tip + chip (Maker)
     */
    public DutchAuctionLiquidation(Abacus abacus, AuctionTerms terms, boolean protocolTriggered) {
        if (abacus == null || terms == null) {
            throw new IllegalArgumentException("abacus and terms: must not be null");
        }
        this.abacus = abacus;
        this.protocolTriggered = protocolTriggered;
        this.terms = new AuctionParameters(terms);
        this.kick = new AuctionKick(this.terms, active);
    }

    /** MakerDAO YFI-A (MECHANISMS §6): stairstep cut 0.99 per 90 s, buf 1.30, tail 140 min, cusp 0.4, chop 13%. */
    public static DutchAuctionLiquidation makerYfiA(boolean protocolTriggered) {
        return new DutchAuctionLiquidation(StairstepExponentialDecrease.yfiA(), AuctionTerms.yfiA(), protocolTriggered);
    }

    @Override
    public void register(Parameters parameters) {
        terms.register(parameters);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean protocolTriggered() {
        return protocolTriggered;
    }

    public Abacus abacus() {
        return abacus;
    }

    /** Running auctions in id order. */
    public Collection<Auction> auctions() {
        return active.all();
    }

    /** The running auction with this id, or null. */
    public Auction auction(long id) {
        return active.get(id);
    }

    /** Remaining tabs of all running auctions (Maker {@code Dirt}), or of one market's when {@code market} ≥ 0. */
    public long activeTab(int market) {
        return active.remainingTab(market);
    }

    /** The price a take of this auction pays at time {@code now}, ticks; 0 if it is not running or needs a reset. */
    public long takePrice(long auctionId, long now) {
        Auction a = active.get(auctionId);
        if (a == null) {
            return 0;
        }
        long decayed = a.decayedPrice(abacus, now);
        return needsReset(a, decayed, now) ? 0 : a.takePrice(decayed);
    }

    /** A shortfall waiting for the account to be flat before it goes to the loss waterfall, quote micros. */
    public long outstandingShortfall(int account) {
        return settlement.outstandingShortfall(account);
    }

    /**
     * The running auctions' cash and unsold lots at the oracle, plus what finished auctions left pending their
     * account's last, less the shortfalls the vault paid for and waits to get back from the loss waterfall.
     */
    @Override
    public long heldInVault(ProtocolContext ctx) {
        return settlement.heldInVault(active.all(), a -> Math.addExact(a.cash(), inventoryAtOracle(ctx, a)));
    }

    /**
     * Per account: the net its auctions would leave if their unsold lots sold at the oracle now, each auction paying
     * its penalty as {@link AuctionSettlement#close} would, when that net is negative; plus the shortfalls waiting
     * for their accounts to be flat.
     */
    @Override
    public Map<Integer, Long> pendingLoss(ProtocolContext ctx) {
        return settlement.pendingLoss(active.all(), a -> Math.addExact(a.cash(), inventoryAtOracle(ctx, a)));
    }

    private static long inventoryAtOracle(ProtocolContext ctx, Auction a) {
        return ctx.market(a.market()).spec().notional(a.side() * a.lots(), ctx.market(a.market()).oraclePrice());
    }

    private boolean needsReset(Auction a, long decayed, long now) {
        // clip.sol status(): done = now - tic > tail || price / top < cusp; a zero price cannot be paid at all.
        return now - a.startTime() > terms.tailSeconds() || decayed < 1
                || Math.multiplyExact(decayed, Amounts.PPM) < Math.multiplyExact(terms.cuspPpm(), a.top());
    }

    private static int vault(ProtocolContext ctx) {
        int vault = ctx.vaultAccount();
        if (vault < 0) {
            throw new IllegalStateException(NAME + " needs a backstop vault to hold auctions: set backstopVaultSeed > 0");
        }
        return vault;
    }

    @Override
    public void liquidate(ProtocolContext ctx, int account, int liquidator, long causeId) {
        int vault = vault(ctx);
        if (account != vault && terms.stopped() < 1) {
            kick.kick(ctx, account, liquidator, causeId, vault); // refused while Hole / ilk.hole are full: retried
        }
    }

    /**
     * Maker's kick incentive: tip per auction (flat; one auction per position) + chip × tab, tab = debt × (1 + chop),
     * paid from the insurance fund as far as it holds ({@link AuctionParameters#payIncentive}).
     */
    @Override
    public KeeperReward keeperReward(int account) {
        long debtPpm = Amounts.mulDivFloor(terms.chipPpm(), Amounts.PPM + terms.chopPpm(), Amounts.PPM);
        return new KeeperReward(terms.tipMicros(), 0, 0, debtPpm);
    }

    /** A kick goes through only while the breaker has not stopped kicks and the Hole and ilk.hole have room for it. */
    @Override
    public boolean wouldLiquidate(ProtocolContext ctx, int account) {
        return account != ctx.vaultAccount() && terms.stopped() < 1 && kick.allowed(ctx, account);
    }

    @Override
    public TxResult take(ProtocolContext ctx, int bidder, long auctionId, long size, long limitPrice) {
        Auction a = active.get(auctionId);
        if (a == null) {
            return TxResult.UNKNOWN_AUCTION;
        }
        int vault = vault(ctx);
        if (bidder == vault || terms.stopped() >= 3) {
            return TxResult.LIQUIDATION_NOT_PERMITTED;
        }
        long decayed = a.decayedPrice(abacus, ctx.now());
        boolean stale = needsReset(a, decayed, ctx.now());
        if (size == 0) {
            if (!stale || terms.stopped() >= 2) {
                return TxResult.LIQUIDATION_NOT_PERMITTED; // clip.sol redo: "cannot-reset"
            }
            reset(ctx, a, bidder);
            return TxResult.OK;
        }
        if (size < 0) {
            return TxResult.INVALID_SIZE;
        }
        if (!ctx.liquidationAllowed(a.market())) {
            return ctx.market(a.market()).halted() ? TxResult.MARKET_HALTED : TxResult.LIQUIDATION_NOT_PERMITTED;
        }
        if (stale) {
            return TxResult.LIQUIDATION_NOT_PERMITTED; // clip.sol take: "needs-reset"
        }
        long price = a.takePrice(decayed);
        if (a.side() > 0 ? price > limitPrice : price < limitPrice) {
            return TxResult.PRICE_LIMIT_EXCEEDED;
        }
        long slice = Math.min(size, a.lots());
        long delta = a.side() * slice;
        MarketSpec spec = ctx.market(a.market()).spec();
        if (!affordable(ctx, bidder, a.market(), delta, price)) {
            return TxResult.INSUFFICIENT_MARGIN;
        }
        a.sell(slice, spec.notional(delta, price), price, spec.quotePerLotTick());
        AuctionSettlement.Closed closed = null;
        if (a.lots() == 0) {
            active.remove(a);
            closed = settlement.close(ctx, a, vault, !active.hasAuctions(a.account()));
        }
        ctx.transferPosition(vault, bidder, a.market(), delta, price, "auction-take", a.id());
        if (closed != null) {
            settlement.report(ctx, a, vault, closed);
        }
        return TxResult.OK;
    }

    /** Like a fill at match time: a take that grows the keeper's position must leave it at initial margin. */
    private static boolean affordable(ProtocolContext ctx, int account, int m, long delta, long price) {
        long before = ctx.accounts().size(account, m);
        long after = before + delta;
        if (Math.abs(after) <= Math.abs(before) && (after == 0 || Long.signum(after) == Long.signum(before))) {
            return true;
        }
        MarketSpec spec = ctx.market(m).spec();
        long marginPrice = ctx.margin().marginPrice(m);
        long valueChange = spec.notional(delta, marginPrice) - spec.notional(delta, price);
        long imrChange = ctx.margin().initialRequirement(m, after, marginPrice)
                - ctx.margin().initialRequirement(m, before, marginPrice);
        AccountRisk r = ctx.risk(account);
        return r.value() + valueChange >= r.initialRequirement() + imrChange;
    }

    /**
     * clip.sol redo: a new round from the current oracle; the keeper (if any) earns tip + chip × remaining tab, which
     * the auction's final {@code liquidation_settled} includes in its reward.
     */
    private void reset(ProtocolContext ctx, Auction a, int keeper) {
        long oracle = ctx.market(a.market()).oraclePrice();
        a.reset(oracle, terms.top(oracle), ctx.now());
        EventBus events = ctx.events();
        events.emit(new ProtocolEvent.Liquidation(events.nextId(), a.id(), ctx.block(), a.account(), a.market(),
                -a.side() * a.lots(), keeper, true, RESET, a.healthAtKick()));
        a.addReward(terms.payIncentive(ctx, a.market(), keeper, a.remainingTab()));
    }

    @Override
    public void onEndBlock(ProtocolContext ctx) {
        if (active.isEmpty() && settlement.accountsOwing().isEmpty()) {
            return;
        }
        int vault = vault(ctx);
        if (terms.stopped() < 2) {
            for (Auction a : new ArrayList<>(active.all())) {
                if (needsReset(a, a.decayedPrice(abacus, ctx.now()), ctx.now())) {
                    reset(ctx, a, -1);
                }
            }
        }
        settlement.settleShortfalls(ctx, vault, active::hasAuctions);
    }
}
