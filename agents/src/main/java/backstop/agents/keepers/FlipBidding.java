package backstop.agents.keepers;

import backstop.model.world.World;
import backstop.protocol.Protocol;
import backstop.protocol.liquidation.Auction;
import backstop.protocol.liquidation.FlipAuctionLiquidation;
import backstop.protocol.liquidation.FlipBid;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.tx.Tx;

import java.util.HashSet;
import java.util.Set;

/**
 * How a {@link Keeper} bids in Maker LIQ-1.2 flip auctions (dss flip.sol tend/dent), one bid per auction in flight:
 * it values a lot at the oracle (a short lot at its mirror, 2 × the kick notional less the lots at the oracle, which
 * is what the auction pays with it), bids in tend min(tab, value × (1 − d), its free cash) when that is at least the
 * minimum increment, in dent the tab for ⌊lots ÷ beg⌋ when those lots are worth the tab after d, and only when value −
 * bid − gas − its priority fee ≥ minProfit; the fee is bidShare × (value − bid − gas), paid from the same cash as the bid. Its free cash is the lesser of its cash and its free collateral, less the bids it has in flight and the gas of two calls.
 */
final class FlipBidding {
    private final Keeper keeper;
    private final Keeper.Params p;
    private final Set<Long> pending = new HashSet<>();
    private double cashInFlight;
    private long sent;

    FlipBidding(Keeper keeper, Keeper.Params p) {
        this.keeper = keeper;
        this.p = p;
    }

    long sent() {
        return sent;
    }

    void bid(World world, FlipAuctionLiquidation flips) {
        Protocol protocol = world.protocol();
        long now = (long) world.now();
        double nativePrice = world.spec().chain().nativePrice();
        double gas = world.gas().cost(p.gasPerCall(), 0, nativePrice);
        for (Auction a : flips.auctions()) {
            FlipBid b = flips.bids(a.id());
            if (b == null || !b.open(now) || b.bidder() == keeper.account() || pending.contains(a.id())) {
                continue;
            }
            MarketSpec spec = protocol.market(a.market()).spec();
            double oracle = spec.price(protocol.market(a.market()).oraclePrice());
            // the protocol locks a bid only from cash the account holds and can spare at initial margin
            double free = Math.min(protocol.ledger().balance(keeper.account()), protocol.risk(keeper.account()).freeCollateral())
                    / 1e6 - cashInFlight - 2 * gas;
            double tab = a.tab() / 1e6;
            long lots;
            long bid;
            double feeCost;
            if (b.bid() < a.tab()) {
                lots = b.lots();
                double worth = value(a, spec, oracle, lots);
                double want = Math.min(tab, worth * (1 - p.flipDiscount()));
                // its priority fee is a share of the profit, and the fee and the bid come out of the same cash
                feeCost = p.bidShare() * Math.max(0, worth - Math.min(want, free) - gas);
                bid = (long) Math.floor(Math.min(want, free - feeCost) * 1e6);
                if (bid < flips.minimumBid(a)) {
                    continue;
                }
            } else {
                lots = flips.maximumDentLots(a);
                bid = a.tab();
                double worth = lots <= 0 ? 0 : value(a, spec, oracle, lots);
                feeCost = p.bidShare() * Math.max(0, worth - tab - gas);
                if (lots <= 0 || free - feeCost < tab || worth * (1 - p.flipDiscount()) < tab) {
                    continue;
                }
            }
            double profit = value(a, spec, oracle, lots) - bid / 1e6 - gas;
            if (profit - feeCost < p.minProfit()) {
                continue;
            }
            double feeGwei = feeCost / (p.gasPerCall() * 1e-9 * nativePrice);
            long auction = a.id();
            double locked = (b.bidder() == keeper.account() ? bid - b.bid() : bid) / 1e6;
            if (keeper.sendBid(world, new Tx.BidAuction(keeper.account(), auction, lots, bid), feeGwei, r -> {
                pending.remove(auction);
                cashInFlight = Math.max(0, cashInFlight - locked);
            })) {
                pending.add(auction);
                cashInFlight += locked;
                sent++;
            }
        }
    }

    /**
     * What biting {@code target} is worth to the keeper, quote units: the discount d on the lots one bite puts up
     * (each position's, at most lump) at the oracle — the margin it hopes to win them at, since Cat pays no reward.
     */
    double biteValue(World world, FlipAuctionLiquidation flips, int target) {
        Protocol protocol = world.protocol();
        double lots = 0;
        for (long mask = protocol.accounts().positionMask(target); mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            MarketSpec spec = protocol.market(m).spec();
            long bitten = Math.min(Math.abs(protocol.accounts().size(target, m)), Math.max(1, spec.lots(flips.lumpBase())));
            lots += spec.base(bitten) * spec.price(protocol.market(m).oraclePrice());
        }
        return p.flipDiscount() * lots;
    }

    /** What {@code lots} of the auction are worth to the winner now, quote units (see the class comment). */
    private static double value(Auction a, MarketSpec spec, double oracle, long lots) {
        double atOracle = spec.base(lots) * oracle;
        return a.side() > 0 ? atOracle : 2 * spec.base(lots) * spec.price(a.kickPrice()) - atOracle;
    }
}
