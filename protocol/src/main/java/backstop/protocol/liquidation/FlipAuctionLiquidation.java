package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.EventBus;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.money.Amounts;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.tx.TxResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * MakerDAO Liquidations 1.2 for perpetuals (MECHANISMS §9, Black Thursday): keepers {@code bite} a liquidatable account
 * (cat.sol), which seizes at most {@code lump} of each position into an English collateral auction ({@code Flipper},
 * dss flip.sol) that keepers bid on with {@code Tx.BidAuction}.
 *
 * <p><b>The rules (flip.sol).</b> Kick: {@code end = now + tau}, no bid. {@code tend}: a bid for the whole lot, higher
 * than the last, at most the tab, and ≥ beg × the last unless it equals the tab. {@code dent}: once the bid is the tab,
 * a bid at the tab for fewer lots, at most the last ÷ beg; the lots given up go back to the liquidated account at once.
 * Each bid sets its expiry {@code tic = now + ttl}; bids are taken while {@code (tic > now || tic == 0) && end > now}.
 * {@code deal}: once {@code tic != 0 && (tic < now || end < now)} the high bidder gets the lot. {@code tick}: an
 * auction with no bid whose {@code end < now} restarts with {@code end = now + tau}. Deal and tick are run by the
 * protocol at the end of the block (anyone may call them on Maker, and they pay the caller nothing). The high bid is
 * locked in the vault: the bidder pays it when it bids and the bid it beat is refunded to its bidder. Nothing requires
 * a bid above zero but the first "bid-not-higher" check, so the first bid may be one micro-unit (Maker: 1 wei): a lot
 * won by the first bid because nobody else bid within {@code ttl} is Black Thursday's "zero bid".
 *
 * <p><b>Adapted to a perp</b> as {@link DutchAuctionLiquidation} adapts LIQ-2.0 ({@link AuctionKick},
 * {@link AuctionSettlement}): a bite moves up to lump lots of each position and the same share of the account's equity
 * to the vault at the oracle K; tab = debt × (1 + chop). Lots leave the vault at K with the vault paying the
 * recipient |lots × K| on top, so a long lot is delivered free of its price (the bid was paid) and a short lot comes
 * with 2 × |lots × K| (the mirror of a free long: the short side's "bid" is the premium the keeper gives up from
 * twice the kick notional), as the Dutch auction mirrors a short's price. At the deal the auction's cash is bid −
 * debt: the penalty (at most that) goes to the insurance fund, the rest back to the account or, negative, to the loss
 * waterfall as its deficit once the account is flat. Cat had no keeper reward and no Hole in March 2020: none here.
 *
 * <p><b>Events.</b> A bite is a {@code liquidation} (policy {@code flip-auction}, partial when lump cut it), a
 * {@code transfer} of the equity and a {@code position_transfer} {@code auction-kick}; each bid an {@code auction_bid};
 * a tick a {@code liquidation} of policy {@code flip-auction-tick}; a dent's returned lots a {@code position_transfer}
 * {@code auction-dent-return}; the deal a {@code position_transfer} {@code auction-deal}, an {@code auction_dealt}
 * (winner, bid, tab, lot value) and the {@code liquidation_settled} whose notional is the winning bid.
 */
public final class FlipAuctionLiquidation implements LiquidationPolicy, Tunable {
    /** Policy name on kick events. */
    public static final String NAME = "flip-auction";
    /** Policy name on tick (restart) events. */
    public static final String TICK = "flip-auction-tick";

    private final FlipParameters terms;
    private final boolean protocolTriggered;
    private final ActiveAuctions active = new ActiveAuctions();
    private final AuctionSettlement settlement = new AuctionSettlement();
    private final Map<Long, FlipBid> bids = new TreeMap<>();
    private final AuctionKick kick;

    /**
     * @param terms             beg, ttl, tau, chop, lump (initial values of the parameters)
     * @param protocolTriggered true: the protocol bites every liquidatable account each block; false: keepers do
     */
    public FlipAuctionLiquidation(FlipTerms terms, boolean protocolTriggered) {
        if (terms == null) {
            throw new IllegalArgumentException("terms: must not be null");
        }
        this.terms = new FlipParameters(terms);
        this.protocolTriggered = protocolTriggered;
        this.kick = new AuctionKick(this.terms, active, NAME, this.terms::lumpLots);
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

    /** Cat's {@code lump}: the most collateral one bite puts in one auction, base units. */
    public double lumpBase() {
        return terms.lumpBase();
    }

    /** Running auctions in id order. */
    public Collection<Auction> auctions() {
        return active.all();
    }

    /** The bid state of a running auction, or null. */
    public FlipBid bids(long auctionId) {
        return active.get(auctionId) == null ? null : bids.get(auctionId);
    }

    /** The smallest bid a tend may make now on {@code a}: one micro first, then ⌈beg × the last⌉, never above the tab. */
    public long minimumBid(Auction a) {
        FlipBid b = bids.get(a.id());
        long next = b.bid() == 0 ? 1 : Amounts.mulDivCeil(b.bid(), terms.begPpm(), Amounts.PPM);
        return Math.min(next, a.tab());
    }

    /** The most lots a dent may ask for now on {@code a}: ⌊lots ÷ beg⌋. */
    public long maximumDentLots(Auction a) {
        return Amounts.mulDivFloor(bids.get(a.id()).lots(), Amounts.PPM, terms.begPpm());
    }

    /**
     * A shortfall waiting for the account to be flat before it goes to the loss waterfall, quote micros. With lump an
     * account bitten in part keeps positions; its next bites usually leave it flat (cat.sol bites until it is safe).
     */
    public long outstandingShortfall(int account) {
        return settlement.outstandingShortfall(account);
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
        if (account != vault && kick.kick(ctx, account, liquidator, causeId, vault)) {
            for (Auction a : active.all()) {
                bids.computeIfAbsent(a.id(), id -> new FlipBid(a.lots(), ctx.now() + terms.tauSeconds()));
            }
        }
    }

    @Override
    public boolean wouldLiquidate(ProtocolContext ctx, int account) {
        return account != ctx.vaultAccount() && kick.allowed(ctx, account);
    }

    @Override
    public TxResult bid(ProtocolContext ctx, int bidder, long auctionId, long lots, long bid) {
        Auction a = active.get(auctionId);
        if (a == null) {
            return TxResult.UNKNOWN_AUCTION;
        }
        int vault = vault(ctx);
        if (bidder == vault || bidder == a.account()) {
            return TxResult.LIQUIDATION_NOT_PERMITTED;
        }
        FlipBid b = bids.get(auctionId);
        long now = ctx.now();
        if (!b.open(now)) {
            return TxResult.AUCTION_FINISHED; // flip.sol: "already-finished-tic" / "already-finished-end"
        }
        if (!ctx.liquidationAllowed(a.market())) {
            return ctx.market(a.market()).halted() ? TxResult.MARKET_HALTED : TxResult.LIQUIDATION_NOT_PERMITTED;
        }
        long tab = a.tab();
        boolean tend = b.bid() < tab;
        TxResult refused = tend ? tendRefusal(b, tab, lots, bid) : dentRefusal(b, tab, lots, bid);
        if (refused != null) {
            return refused;
        }
        long pay = bidder == b.bidder() ? bid - b.bid() : bid;
        if (pay > 0 && !canPay(ctx, bidder, pay)) {
            return TxResult.INSUFFICIENT_FREE_COLLATERAL;
        }
        if (b.bidder() >= 0 && b.bidder() != bidder) {
            ctx.post(vault, b.bidder(), b.bid(), PostingReason.TRANSFER); // the bid it beat is refunded
        }
        ctx.post(bidder, vault, pay, PostingReason.TRANSFER); // the new bid is locked
        a.bid(bid - b.bid(), bid);
        long returned = b.lots() - lots;
        b.record(bidder, bid, lots, now + terms.ttlSeconds());
        if (returned > 0) {
            deliver(ctx, vault, a.account(), a, returned, "auction-dent-return", 0); // flip.sol dent: flux to usr
        }
        EventBus events = ctx.events();
        events.emit(new ProtocolEvent.AuctionBid(events.nextId(), a.id(), ctx.block(), a.id(), bidder,
                tend ? "tend" : "dent", lots, bid, tab, lotValue(ctx, a, lots), b.expiry(), b.end()));
        return TxResult.OK;
    }

    /** flip.sol tend's checks, or null when the bid may go through. */
    private TxResult tendRefusal(FlipBid b, long tab, long lots, long bid) {
        if (lots != b.lots()) {
            return TxResult.WRONG_AUCTION_PHASE; // "lot-not-matching"
        }
        if (bid > tab) {
            return TxResult.INVALID_AMOUNT; // "higher-than-tab"
        }
        if (bid <= b.bid()) {
            return TxResult.BID_TOO_LOW; // "bid-not-higher"
        }
        if (bid != tab && Math.multiplyExact(bid, Amounts.PPM) < Math.multiplyExact(terms.begPpm(), b.bid())) {
            return TxResult.BID_TOO_LOW; // "insufficient-increase"
        }
        return null;
    }

    /** flip.sol dent's checks, or null when the bid may go through. */
    private TxResult dentRefusal(FlipBid b, long tab, long lots, long bid) {
        if (bid != tab) {
            return TxResult.WRONG_AUCTION_PHASE; // "not-matching-bid"
        }
        if (lots <= 0) {
            return TxResult.INVALID_SIZE;
        }
        if (lots >= b.lots() || Math.multiplyExact(terms.begPpm(), lots) > Math.multiplyExact(b.lots(), Amounts.PPM)) {
            return TxResult.BID_TOO_LOW; // "lot-not-lower" / "insufficient-decrease"
        }
        return null;
    }

    /** The bidder can lock {@code pay}: it holds that much cash and stays at initial margin without it. */
    private static boolean canPay(ProtocolContext ctx, int bidder, long pay) {
        var r = ctx.risk(bidder);
        return ctx.ledger().balance(bidder) >= pay && r.value() - pay >= r.initialRequirement();
    }

    /**
     * Moves {@code lots} of the auction from the vault to {@code to} at the kick price, the vault paying |lots × K| on
     * top (see the class comment); {@code sold} is what they brought in.
     */
    private static void deliver(ProtocolContext ctx, int vault, int to, Auction a, long lots, String kind, long sold) {
        long atKick = Math.abs(ctx.market(a.market()).spec().notional(lots, a.kickPrice()));
        ctx.transferPosition(vault, to, a.market(), a.side() * lots, a.kickPrice(), kind, a.id());
        ctx.post(vault, to, atKick, PostingReason.TRANSFER);
        a.deliver(lots, a.side() > 0 ? 0 : 2 * atKick, sold);
    }

    private static long lotValue(ProtocolContext ctx, Auction a, long lots) {
        return Math.abs(ctx.market(a.market()).spec().notional(lots, ctx.market(a.market()).oraclePrice()));
    }

    @Override
    public void onEndBlock(ProtocolContext ctx) {
        if (active.isEmpty() && settlement.accountsOwing().isEmpty()) {
            return;
        }
        int vault = vault(ctx);
        long now = ctx.now();
        for (Auction a : new ArrayList<>(active.all())) {
            FlipBid b = bids.get(a.id());
            if (b.expiry() != 0 && (b.expiry() < now || b.end() < now)) {
                deal(ctx, vault, a, b);
            } else if (b.expiry() == 0 && b.end() < now) {
                b.restart(now + terms.tauSeconds()); // flip.sol tick
                EventBus events = ctx.events();
                events.emit(new ProtocolEvent.Liquidation(events.nextId(), a.id(), ctx.block(), a.account(), a.market(),
                        -a.side() * a.lots(), -1, true, TICK, a.healthAtKick()));
            }
        }
        settlement.settleShortfalls(ctx, vault, active::hasAuctions);
    }

    /** flip.sol deal: the lot to the high bidder; then the auction settles as a Dutch one does. */
    private void deal(ProtocolContext ctx, int vault, Auction a, FlipBid b) {
        long lots = a.lots();
        long value = lotValue(ctx, a, lots);
        long kickValue = Math.abs(ctx.market(a.market()).spec().notional(a.lotsAtKick(), a.kickPrice()));
        deliver(ctx, vault, b.bidder(), a, lots, "auction-deal", b.bid());
        active.remove(a);
        bids.remove(a.id());
        AuctionSettlement.Closed closed = settlement.close(ctx, a, vault, !active.hasAuctions(a.account()));
        EventBus events = ctx.events();
        events.emit(new ProtocolEvent.AuctionDealt(events.nextId(), a.id(), ctx.block(), a.id(), a.account(), b.bidder(),
                lots, b.bid(), a.tab(), value, kickValue, ctx.now() - a.startTime()));
        settlement.report(ctx, a, vault, closed);
    }

    /** The running auctions' cash and lots at the oracle, and what finished ones left pending, less shortfalls owed. */
    @Override
    public long heldInVault(ProtocolContext ctx) {
        return settlement.heldInVault(active.all(), a -> Math.addExact(a.cash(), signedAtOracle(ctx, a)));
    }

    /**
     * Per account: what its auctions would leave if settled now — one with a bid dealt to its bidder, one without
     * sold at the oracle — less their penalties, when negative; plus the shortfalls waiting for flat accounts.
     */
    @Override
    public Map<Integer, Long> pendingLoss(ProtocolContext ctx) {
        return settlement.pendingLoss(active.all(), a -> {
            if (bids.get(a.id()).bidder() < 0) {
                return Math.addExact(a.cash(), signedAtOracle(ctx, a));
            }
            long atKick = Math.abs(ctx.market(a.market()).spec().notional(a.lots(), a.kickPrice()));
            return a.cash() - (a.side() > 0 ? 0 : 2 * atKick); // dealt to its bidder now
        });
    }

    private static long signedAtOracle(ProtocolContext ctx, Auction a) {
        return ctx.market(a.market()).spec().notional(a.side() * a.lots(), ctx.market(a.market()).oraclePrice());
    }
}
