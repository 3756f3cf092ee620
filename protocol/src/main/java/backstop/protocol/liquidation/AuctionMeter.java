package backstop.protocol.liquidation;

import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Metric;
import backstop.protocol.metric.Metric.Group;
import backstop.protocol.metric.Metric.Unit;
import backstop.protocol.metric.Readings;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What collateral auctions did (Maker LIQ-1.2 flip and LIQ-2.0 Dutch alike, MECHANISMS §6 and §9), from their events:
 * auctions kicked and settled, the collateral put up (each lot at the oracle at its kick), the bad debt their
 * shortfalls left, bids and bidders, and the share of settled auctions won at a (near) zero bid: an auction whose
 * proceeds ({@code liquidation_settled} notional: the winning flip bid, or the Dutch takes) were at most
 * {@link #ZERO_BID_PPM} (1%) of its lot's value at the kick — Black Thursday's "0 DAI bids" [S89][S90] were bids of
 * 0 DAI or a few wei; 1% leaves room for the micro-unit bids a keeper may open with. Under designs without
 * auctions the counts are 0 and the shares and ratios NaN.
 */
public final class AuctionMeter implements Meter {
    /** The (near) zero-bid threshold: proceeds at most this share of the lot's value at the kick, ppm. */
    public static final long ZERO_BID_PPM = 10_000;

    public static final Metric KICKED = Metric.of("auctions_kicked", Group.LIQUIDATIONS, Unit.COUNT,
            "collateral auctions started (flip bites or Dutch barks, one per position and lot)");
    public static final Metric SETTLED = Metric.of("auctions_settled", Group.LIQUIDATIONS, Unit.COUNT,
            "collateral auctions that ended (dealt or sold out)");
    public static final Metric ZERO_BID = Metric.of("auctions_zero_bid_share", Group.LIQUIDATIONS, Unit.FRACTION,
            "settled auctions whose proceeds were at most 1% of the lot's value at the kick ÷ settled auctions");
    public static final Metric COLLATERAL = Metric.of("auctioned_collateral", Group.LIQUIDATIONS, Unit.QUOTE,
            "collateral put up at auction, each lot at the oracle at its kick");
    public static final Metric BAD_DEBT = Metric.of("auction_bad_debt", Group.LIQUIDATIONS, Unit.QUOTE,
            "bad debt left by auctions' shortfalls");
    public static final Metric BAD_DEBT_RATIO = Metric.of("auction_bad_debt_ratio", Group.LIQUIDATIONS, Unit.RATIO,
            "auction bad debt ÷ collateral auctioned");
    public static final Metric BIDS = Metric.of("auction_bids", Group.LIQUIDATIONS, Unit.COUNT,
            "bids on flip auctions and takes of Dutch auctions");
    public static final Metric BIDDERS = Metric.of("auction_bidders_mean", Group.LIQUIDATIONS, Unit.RATIO,
            "distinct bidders (or takers) per settled auction, mean");
    private static final List<Metric> METRICS = List.of(KICKED, SETTLED, ZERO_BID, COLLATERAL, BAD_DEBT,
            BAD_DEBT_RATIO, BIDS, BIDDERS);

    private final List<MarketSpec> markets;
    /** Per running or settled auction: its lot's value at the kick, quote micros. */
    private final Map<Long, Long> kickValue = new TreeMap<>();
    private final Map<Long, Set<Integer>> bidders = new TreeMap<>();
    private long settled;
    private long zeroBid;
    private long collateral;
    private long badDebt;
    private long bids;
    private long biddersSettled;

    public AuctionMeter(List<MarketSpec> markets) {
        this.markets = List.copyOf(markets);
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    @Override
    public void accept(ProtocolEvent e) {
        if (e instanceof ProtocolEvent.PositionTransfer t && "auction-kick".equals(t.kind())) {
            long value = Math.abs(markets.get(t.market()).notional(t.size(), t.price()));
            kickValue.put(t.causeId(), value);
            bidders.put(t.causeId(), new TreeSet<>());
            collateral = Math.addExact(collateral, value);
        } else if (e instanceof ProtocolEvent.PositionTransfer t && "auction-take".equals(t.kind())) {
            bid(t.causeId(), t.toAccount());
        } else if (e instanceof ProtocolEvent.AuctionBid b) {
            bid(b.auction(), b.bidder());
        } else if (e instanceof ProtocolEvent.LiquidationSettled s && kickValue.containsKey(s.causeId())) {
            settled++;
            if (Math.multiplyExact(s.notional(), 1_000_000L)
                    <= Math.multiplyExact(kickValue.get(s.causeId()), ZERO_BID_PPM)) {
                zeroBid++;
            }
            Set<Integer> who = bidders.remove(s.causeId());
            biddersSettled += who == null ? 0 : who.size();
        } else if (e instanceof ProtocolEvent.BadDebt d && kickValue.containsKey(d.causeId())) {
            badDebt = Math.addExact(badDebt, d.amount());
        }
    }

    private void bid(long auction, int bidder) {
        bids++;
        Set<Integer> who = bidders.get(auction);
        if (who != null) {
            who.add(bidder);
        }
    }

    @Override
    public void read(int scope, Readings out) {
        if (scope != RUN) {
            return;
        }
        out.put(KICKED, (long) kickValue.size()).put(SETTLED, settled)
                .put(ZERO_BID, settled > 0 ? zeroBid / (double) settled : Double.NaN)
                .put(COLLATERAL, collateral).put(BAD_DEBT, badDebt)
                .put(BAD_DEBT_RATIO, collateral > 0 ? badDebt / (double) collateral : Double.NaN)
                .put(BIDS, bids).put(BIDDERS, settled > 0 ? biddersSettled / (double) settled : Double.NaN);
    }
}
