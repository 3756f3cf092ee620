package backstop.agents.arbitrage;

import backstop.model.spec.Check;
import backstop.agents.AccountAgent;
import backstop.agents.AgentClass;
import backstop.model.market.ExternalMarket;
import backstop.model.world.World;
import backstop.protocol.book.OrderBook;
import backstop.protocol.book.Side;
import backstop.protocol.market.Market;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;
import ec.util.MersenneTwisterFast;

/**
 * Perp–spot basis arbitrage (DESIGN.md §5): when the perp's book trades away from the external venue by more
 * than a threshold it sells the rich leg and buys the cheap one, hedging each perp fill on the external venue
 * as the receipt arrives. Its hedges carry impact into the venue the oracle reads — the feedback loop that
 * passes liquidation selling on to the index. It unwinds both legs when the basis closes. With a
 * {@code fundingThreshold} it also runs funding carry: while the predicted funding rate per interval (public:
 * the premium accumulated so far) exceeds it, it holds the side that receives funding, hedged on the venue.
 */
public final class BasisArbitrageur extends AccountAgent {
    /** Behaviour of one arbitrageur; threshold is a fraction (0.002 = 20 bp). */
    public record Params(int market, double capital, double threshold, double tradeNotional, double maxNotional,
                         double wakeSeconds, double latency, double fundingThreshold) {
        public Params {
            Check.nonNegative("threshold", threshold);
            Check.positiveAmount("trade_notional", tradeNotional);
            Check.amount("max_notional", maxNotional);
            Check.nonNegative("funding_threshold", fundingThreshold);
        }
    }

    private final Params p;
    private double externalBase;
    private double externalCost;

    public BasisArbitrageur(int id, String population, Params params, MersenneTwisterFast rng) {
        super(id, population, params.latency(), params.capital());
        this.p = params;
        wakeEvery(params.wakeSeconds(), rng.nextDouble());
    }

    @Override
    public AgentClass agentClass() {
        return AgentClass.ARBITRAGEUR;
    }

    @Override
    public void act(World world) {
        Market m = world.protocol().market(p.market());
        OrderBook book = m.book();
        ExternalMarket venue = world.venue(p.market());
        double index = venue.price();
        double exposure = m.spec().base(position(world, p.market())) * index;
        if (book.bestBid() != OrderBook.NO_PRICE && m.spec().price(book.bestBid()) > index * (1 + p.threshold())
                && exposure > -p.maxNotional()) {
            trade(world, Side.SELL, book.bestBid());
        } else if (book.bestAsk() != OrderBook.NO_PRICE && m.spec().price(book.bestAsk()) < index * (1 - p.threshold())
                && exposure < p.maxNotional()) {
            trade(world, Side.BUY, book.bestAsk());
        } else if (p.fundingThreshold() > 0 && Math.abs(predictedFunding(m)) > p.fundingThreshold()) {
            carry(world, m, exposure, index);
        } else if (exposure != 0 && basisClosed(m, book, index)) {
            unwind(world);
        }
    }

    /** The funding rate per interval the premium accumulated so far would pay (positive: longs pay). */
    private static double predictedFunding(Market m) {
        return m.spec().funding().ratePerInterval(m.averagePremiumPpb()) / 1e9;
    }

    /** Adds to the side that receives funding (short when longs pay), up to the position limit. */
    private void carry(World world, Market m, double exposure, double index) {
        Side side = predictedFunding(m) > 0 ? Side.SELL : Side.BUY;
        if (side.sign() * exposure >= p.maxNotional()) {
            return;
        }
        OrderBook book = m.book();
        long level = side == Side.SELL ? book.bestBid() : book.bestAsk();
        if (level != OrderBook.NO_PRICE) {
            trade(world, side, level);
        }
    }

    private boolean basisClosed(Market m, OrderBook book, double index) {
        if (book.bestBid() == OrderBook.NO_PRICE || book.bestAsk() == OrderBook.NO_PRICE) {
            return false;
        }
        double mid = 0.5 * (m.spec().price(book.bestBid()) + m.spec().price(book.bestAsk()));
        return Math.abs(mid / index - 1) < p.threshold() / 3;
    }

    /** Takes the rich (or cheap) perp level with an IOC at its price; hedges whatever fills. */
    private void trade(World world, Side side, long limit) {
        double price = world.protocol().market(p.market()).spec().price(limit);
        long lots = lotsFor(world, p.market(), p.tradeNotional(), price);
        if (lots > 0) {
            send(world, Tx.PlaceOrder.ioc(account(), p.market(), side, limit, lots), 0, ORDER_GAS,
                    r -> hedge(world, side, r));
        }
    }

    private void unwind(World world) {
        long size = position(world, p.market());
        Side side = size > 0 ? Side.SELL : Side.BUY;
        send(world, Tx.PlaceOrder.close(account(), p.market(), side, Math.abs(size)), 0, ORDER_GAS,
                r -> hedge(world, side, r));
    }

    /** The opposite trade on the external venue for the lots the perp leg filled. */
    private void hedge(World world, Side perpSide, TxReceipt r) {
        if (!r.ok() || r.filled() == 0) {
            return;
        }
        ExternalMarket venue = world.venue(p.market());
        double base = world.protocol().market(p.market()).spec().base(r.filled());
        double notional = base * venue.price() * (perpSide == Side.SELL ? 1 : -1);
        double avg = venue.trade(notional);
        externalBase += Math.signum(notional) * base;
        externalCost += Math.signum(notional) * base * avg;
    }

    @Override
    public double externalPnl(World world) {
        return externalBase * world.venue(p.market()).price() - externalCost;
    }
}
