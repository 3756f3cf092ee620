package backstop.agents.makers;

import backstop.model.spec.Check;
import backstop.agents.AccountAgent;
import backstop.agents.AgentClass;
import backstop.model.market.ExternalMarket;
import backstop.model.price.PriceProcess;
import backstop.model.world.World;
import backstop.protocol.book.Side;
import backstop.protocol.tx.Tx;
import ec.util.MersenneTwisterFast;

/**
 * Inventory-aware market maker in the spirit of Avellaneda–Stoikov (DESIGN.md §5). It quotes a ladder around a
 * reservation price skewed against its inventory; spreads widen and depth shrinks as the EWMA volatility of
 * the oracle rises; above its volatility limit it pulls every quote ("liquidity vanishes when needed") and
 * returns once volatility falls back below a fraction of the limit. It re-quotes when the fair price has moved
 * more than a threshold or its inventory changed — at every block, or only every {@code wakeSeconds} when that is set
 * (ABIDES's makers look once a minute). Its quotes' receipts arrive a block later (latency); each
 * round of quotes has a generation, and a receipt from a superseded generation is cancelled on arrival, so a
 * quote never outlives the round that placed it.
 *
 * <p><b>Hedging.</b> With {@code hedgeRatio} h &gt; 0 it keeps a position of −h × its perp inventory on the market's
 * external venue, trading the difference at every look (also while its quotes are pulled) once it exceeds a tenth of
 * one quote level: the liquidation flow it absorbs then costs it the venue's impact and the basis, not the crash.
 * Its venue trades move the venue price the oracle reads, as the arbitrageurs' hedges do; the venue leg is off the
 * ledger (its PnL is {@link #externalPnl}) and, like theirs, pays no venue fee and needs no venue margin.
 */
public final class MarketMaker extends AccountAgent {
    /** Behaviour of one market maker. Volatilities are annualised; spreads in basis points. */
    public record Params(int market, double capital, int levels, double levelNotional, double baseSpreadBps,
                         double volSpreadFactor, double depthVolFactor, double inventoryAversion,
                         double maxInventoryNotional, double withdrawVol, double requoteBps, double ewmaLambda,
                         double latency, double wakeSeconds, double hedgeRatio) {
        /** A maker that does not hedge. */
        public Params(int market, double capital, int levels, double levelNotional, double baseSpreadBps,
                      double volSpreadFactor, double depthVolFactor, double inventoryAversion,
                      double maxInventoryNotional, double withdrawVol, double requoteBps, double ewmaLambda,
                      double latency, double wakeSeconds) {
            this(market, capital, levels, levelNotional, baseSpreadBps, volSpreadFactor, depthVolFactor, inventoryAversion,
                    maxInventoryNotional, withdrawVol, requoteBps, ewmaLambda, latency, wakeSeconds, 0);
        }

        public Params {
            Check.nonNegative("wake_seconds", wakeSeconds);
            Check.fraction("hedge_ratio", hedgeRatio);
            Check.atLeast("levels", levels, 1);
            Check.positiveAmount("level_notional", levelNotional);
            Check.positive("base_spread_bps", baseSpreadBps);
            Check.positiveAmount("max_inventory_notional", maxInventoryNotional);
            Check.positive("withdraw_vol", withdrawVol);
            if (!(ewmaLambda > 0 && ewmaLambda < 1)) {
                throw new IllegalArgumentException("ewma_lambda: must be in (0, 1), got " + ewmaLambda);
            }
        }
    }

    private final Params p;
    private final long[] bids;
    private final long[] asks;
    private double variance;
    private double lastPrice;
    private double lastSeen;
    private double quotedFair;
    private long quotedPosition;
    private boolean withdrawn;
    private long generation;
    private double externalBase;
    private double externalCost;

    public MarketMaker(int id, String population, Params params, MersenneTwisterFast rng) {
        super(id, population, params.latency(), params.capital());
        this.p = params;
        this.bids = new long[params.levels()];
        this.asks = new long[params.levels()];
        // No draw from the population's stream for a maker that looks every block, so its stream is unchanged.
        wakeEvery(params.wakeSeconds(), params.wakeSeconds() > 0 ? rng.nextDouble() : 0);
    }

    @Override
    public AgentClass agentClass() {
        return AgentClass.MARKET_MAKER;
    }

    @Override
    public void act(World world) {
        double fair = oracle(world, p.market());
        updateVolatility(fair, world.now() - lastSeen, world.spec().blockSeconds());
        lastSeen = world.now();
        double vol = annualisedVol(world);
        if (p.hedgeRatio() > 0) {
            hedge(world);
        }
        if (withdrawn ? vol > 0.8 * p.withdrawVol() : vol > p.withdrawVol()) {
            if (!withdrawn) {
                cancelAll(world);
                withdrawn = true;
            }
            return;
        }
        withdrawn = false;
        long position = position(world, p.market());
        boolean moved = quotedFair == 0 || Math.abs(fair / quotedFair - 1) * 1e4 > p.requoteBps();
        if (!moved && position == quotedPosition) {
            return;
        }
        cancelAll(world);
        quote(world, fair, vol, position);
        quotedFair = fair;
        quotedPosition = position;
    }

    /** Trades the venue toward −hedgeRatio × the perp inventory, when the gap exceeds a tenth of a quote level. */
    private void hedge(World world) {
        ExternalMarket venue = world.venue(p.market());
        double perpBase = world.protocol().market(p.market()).spec().base(position(world, p.market()));
        double gap = -p.hedgeRatio() * perpBase - externalBase;
        double notional = gap * venue.price();
        if (Math.abs(notional) < 0.1 * p.levelNotional()) {
            return;
        }
        double avg = venue.trade(notional);
        externalBase += gap;
        externalCost += gap * avg;
    }

    /** Its position on the external venue, base units (negative: short); 0 for a maker that does not hedge. */
    public double externalBase() {
        return externalBase;
    }

    @Override
    public double externalPnl(World world) {
        return p.hedgeRatio() == 0 ? 0 : externalBase * world.venue(p.market()).price() - externalCost;
    }

    /** EWMA of the per-block variance; a return over several blocks (a maker that wakes less often) counts per block. */
    private void updateVolatility(double price, double elapsed, double blockSeconds) {
        if (lastPrice > 0) {
            double r = Math.log(price / lastPrice);
            double blocks = p.wakeSeconds() > 0 ? Math.max(1, elapsed / blockSeconds) : 1;
            variance = p.ewmaLambda() * variance + (1 - p.ewmaLambda()) * r * r / blocks;
        }
        lastPrice = price;
    }

    /** EWMA volatility of per-block oracle returns, annualised. */
    public double annualisedVol(World world) {
        return Math.sqrt(variance * PriceProcess.YEAR / world.spec().blockSeconds());
    }

    private void quote(World world, double fair, double vol, long position) {
        double inventory = world.protocol().market(p.market()).spec().base(position) * fair / p.maxInventoryNotional();
        double reservation = fair * (1 - p.inventoryAversion() * inventory);
        double blockVolBps = Math.sqrt(variance) * 1e4;
        double half = fair * (p.baseSpreadBps() + p.volSpreadFactor() * blockVolBps) / 1e4;
        double notional = p.levelNotional() / (1 + p.depthVolFactor() * vol);
        for (int k = 0; k < p.levels(); k++) {
            double step = half * (k + 1);
            if (inventory < 1) {
                place(world, Side.BUY, reservation - step, notional, bids, k);
            }
            if (inventory > -1) {
                place(world, Side.SELL, reservation + step, notional, asks, k);
            }
        }
    }

    private void place(World world, Side side, double price, double notional, long[] slots, int k) {
        var spec = world.protocol().market(p.market()).spec();
        long ticks = spec.ticks(price);
        long lots = lotsFor(world, p.market(), notional, price);
        if (ticks <= 0 || lots <= 0) {
            return;
        }
        long round = generation;
        send(world, Tx.PlaceOrder.postOnly(account(), p.market(), side, ticks, lots), 0, ORDER_GAS, r -> {
            if (!r.ok() || r.resting() == 0) {
                return;
            }
            if (round == generation) {
                slots[k] = r.id();
            } else {
                send(world, new Tx.CancelOrder(account(), r.id()), 0, 30_000, null);
            }
        });
    }

    private void cancelAll(World world) {
        generation++;
        for (long[] side : new long[][] {bids, asks}) {
            for (int k = 0; k < side.length; k++) {
                if (side[k] != 0) {
                    send(world, new Tx.CancelOrder(account(), side[k]), 0, 30_000, null);
                    side[k] = 0;
                }
            }
        }
    }

    /** Quote notional currently resting (both sides), quote units, from the book. */
    public double restingNotional(World world) {
        var book = world.protocol().market(p.market()).book();
        var spec = world.protocol().market(p.market()).spec();
        double total = 0;
        for (long[] side : new long[][] {bids, asks}) {
            for (long id : side) {
                if (id != 0 && book.contains(id)) {
                    total += spec.base(book.remaining(id)) * spec.price(book.priceOf(id));
                }
            }
        }
        return total;
    }

    /** Whether it has pulled its quotes. */
    public boolean withdrawn() {
        return withdrawn;
    }
}
