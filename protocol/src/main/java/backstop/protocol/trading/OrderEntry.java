package backstop.protocol.trading;

import backstop.protocol.account.Accounts;
import backstop.protocol.book.OrderBook;
import backstop.protocol.book.OrderType;
import backstop.protocol.book.PlaceOutcome;
import backstop.protocol.book.PlaceResult;
import backstop.protocol.book.Side;
import backstop.protocol.book.TimeInForce;
import backstop.protocol.event.EventBus;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.Ledger;
import backstop.protocol.context.ClosedFill;
import backstop.protocol.margin.MarginCalculator;
import backstop.protocol.market.Market;
import backstop.protocol.money.Amounts;
import backstop.protocol.risk.RiskEngine;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;
import backstop.protocol.tx.TxResult;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

import java.util.List;

/**
 * Order placement, cancel and replace against the markets' books. Every check happens before the book is
 * touched, so a refused order changes nothing; fills are then guarded one by one and settled as they happen.
 */
public final class OrderEntry {
    /** Largest accepted limit price, in ticks (the risk index packs prices into 39 bits). */
    public static final long MAX_PRICE = (1L << 39) - 1;

    private final Accounts accounts;
    private final List<Market> markets;
    private final MarginCalculator calc;
    private final EventBus events;
    private final long slippagePpm;
    private final Long2IntOpenHashMap orderMarket = new Long2IntOpenHashMap();
    private final AffordabilityGuard guard;
    private final FillSettlement settlement;
    private long nextOrderId = 1;

    public OrderEntry(Ledger ledger, Accounts accounts, List<Market> markets, MarginCalculator calc, RiskEngine risk,
                      EventBus events, int treasury, int[] insuranceFund, long feeToInsurancePpm, long slippagePpm) {
        this.accounts = accounts;
        this.markets = markets;
        this.calc = calc;
        this.events = events;
        this.slippagePpm = slippagePpm;
        this.guard = new AffordabilityGuard(accounts, calc);
        this.settlement = new FillSettlement(ledger, accounts, risk, events, orderMarket, treasury, insuranceFund,
                feeToInsurancePpm);
        orderMarket.defaultReturnValue(-1);
    }

    /** Places an order after checking it in full; see {@link Tx.PlaceOrder}. */
    public TxReceipt place(Tx.PlaceOrder tx) {
        TxResult check = validate(tx);
        if (!check.ok()) {
            return TxReceipt.rejected(check);
        }
        Market market = markets.get(tx.market());
        long size = tx.size();
        if (tx.reduceOnly()) {
            size = Math.min(size, Math.abs(accounts.size(tx.account(), tx.market())));
        }
        long price = tx.type() == OrderType.MARKET ? marketLimit(market, tx.side()) : tx.price();
        TimeInForce tif = tx.type() == OrderType.MARKET ? TimeInForce.IOC : tx.tif();
        if (!tx.reduceOnly()) {
            // A market order is judged at the oracle, not at its slippage bound: each fill is then checked
            // against initial margin at its own price by the guard, as dYdX checks at match time.
            long judgedAt = tx.type() == OrderType.MARKET ? market.oraclePrice() : price;
            guard.begin(market, false);
            if (!guard.affordable(tx.account(), tx.side().sign() * size, judgedAt, market.spec().takerFeePpm())) {
                return TxReceipt.rejected(TxResult.INSUFFICIENT_MARGIN);
            }
        }
        long id = nextOrderId++;
        PlaceResult r = submitToBook(market, id, tx.account(), tx.side(), price, size, tif, tx.postOnly(), 0, false);
        if (r.outcome() == PlaceOutcome.REJECTED_POST_ONLY_WOULD_CROSS) {
            return TxReceipt.rejected(TxResult.POST_ONLY_WOULD_CROSS);
        }
        return new TxReceipt(TxResult.OK, id, r.filledSize(), r.restingSize());
    }

    private TxResult validate(Tx.PlaceOrder tx) {
        if (!accounts.exists(tx.account())) {
            return TxResult.UNKNOWN_ACCOUNT;
        }
        if (tx.market() < 0 || tx.market() >= markets.size()) {
            return TxResult.UNKNOWN_MARKET;
        }
        Market market = markets.get(tx.market());
        if (tx.side() == null || tx.type() == null || tx.tif() == null) {
            return TxResult.INVALID_ORDER_FLAGS;
        }
        if (tx.size() <= 0) {
            return TxResult.INVALID_SIZE;
        }
        if (tx.type() == OrderType.LIMIT && (tx.price() <= 0 || tx.price() > MAX_PRICE)) {
            return TxResult.INVALID_PRICE;
        }
        boolean immediate = tx.type() == OrderType.MARKET || tx.tif() == TimeInForce.IOC;
        if ((tx.postOnly() && immediate) || (tx.reduceOnly() && !immediate)) {
            return TxResult.INVALID_ORDER_FLAGS;
        }
        if (market.oraclePrice() == 0) {
            return TxResult.NO_ORACLE_PRICE;
        }
        if (market.halted()) {
            return TxResult.MARKET_HALTED;
        }
        int isolated = accounts.isolatedMarket(tx.account());
        if (isolated >= 0 && isolated != tx.market()) {
            return TxResult.ISOLATED_MARKET_MISMATCH;
        }
        if (tx.reduceOnly()) {
            long position = accounts.size(tx.account(), tx.market());
            if (position == 0 || Long.signum(position) == tx.side().sign()) {
                return TxResult.REDUCE_ONLY_WOULD_INCREASE;
            }
        }
        return TxResult.OK;
    }

    /** Cancels one of the account's resting orders. */
    public TxReceipt cancel(Tx.CancelOrder tx) {
        int m = orderMarket.get(tx.orderId());
        if (m < 0) {
            return TxReceipt.rejected(TxResult.UNKNOWN_ORDER);
        }
        OrderBook book = markets.get(m).book();
        if (book.accountOf(tx.orderId()) != tx.account()) {
            return TxReceipt.rejected(TxResult.NOT_OWNER);
        }
        book.cancel(tx.orderId());
        orderMarket.remove(tx.orderId());
        return TxReceipt.created(tx.orderId());
    }

    /** Replaces a resting order (see {@link Tx.ReplaceOrder}); the order keeps its id. */
    public TxReceipt replace(Tx.ReplaceOrder tx) {
        int m = orderMarket.get(tx.orderId());
        if (m < 0) {
            return TxReceipt.rejected(TxResult.UNKNOWN_ORDER);
        }
        Market market = markets.get(m);
        OrderBook book = market.book();
        if (book.accountOf(tx.orderId()) != tx.account()) {
            return TxReceipt.rejected(TxResult.NOT_OWNER);
        }
        if (tx.newSize() <= 0) {
            return TxReceipt.rejected(TxResult.INVALID_SIZE);
        }
        if (tx.newPrice() <= 0 || tx.newPrice() > MAX_PRICE) {
            return TxReceipt.rejected(TxResult.INVALID_PRICE);
        }
        if (market.halted()) {
            return TxReceipt.rejected(TxResult.MARKET_HALTED);
        }
        long remaining = book.remaining(tx.orderId());
        if (tx.newPrice() == book.priceOf(tx.orderId()) && tx.newSize() <= remaining) {
            if (tx.newSize() < remaining) {
                book.reduce(tx.orderId(), tx.newSize());
            }
            return new TxReceipt(TxResult.OK, tx.orderId(), 0, tx.newSize());
        }
        Side side = book.sideOf(tx.orderId());
        guard.begin(market, false);
        if (!guard.affordable(tx.account(), side.sign() * tx.newSize(), tx.newPrice(), market.spec().takerFeePpm())) {
            return TxReceipt.rejected(TxResult.INSUFFICIENT_MARGIN);
        }
        book.cancel(tx.orderId());
        orderMarket.remove(tx.orderId());
        PlaceResult r = submitToBook(market, tx.orderId(), tx.account(), side, tx.newPrice(), tx.newSize(),
                TimeInForce.GTC, false, 0, false);
        return new TxReceipt(TxResult.OK, tx.orderId(), r.filledSize(), r.restingSize());
    }

    /** A liquidation's reduce-only IOC order: no margin check, fills flagged and caused by {@code causeId}. */
    public ClosedFill closeForLiquidation(int account, int market, long signedSize, long limitPrice, long causeId) {
        long position = accounts.size(account, market);
        long size = Math.min(Math.abs(signedSize), Math.abs(position));
        if (size == 0 || Long.signum(signedSize) == Long.signum(position)) {
            return ClosedFill.NOTHING;
        }
        Side side = Side.ofSign(signedSize);
        Market m = markets.get(market);
        submitToBook(m, nextOrderId++, account, side, Math.max(1, Math.min(limitPrice, MAX_PRICE)), size,
                TimeInForce.IOC, false, causeId, true);
        return new ClosedFill(settlement.takerFilled(), Math.abs(settlement.takerNotional()));
    }

    /**
     * Whether {@link #closeForLiquidation} could fill anything now: the position is reduced by {@code signedSize} and
     * the best opposite quote is at or inside the limit.
     */
    public boolean canCloseForLiquidation(int account, int market, long signedSize, long limitPrice) {
        long position = accounts.size(account, market);
        if (position == 0 || signedSize == 0 || Long.signum(signedSize) == Long.signum(position)) {
            return false;
        }
        Side side = Side.ofSign(signedSize);
        long limit = Math.max(1, Math.min(limitPrice, MAX_PRICE));
        OrderBook book = markets.get(market).book();
        long best = side == Side.BUY ? book.bestAsk() : book.bestBid();
        return best != OrderBook.NO_PRICE && (side == Side.BUY ? best <= limit : best >= limit);
    }

    /** Cancels every resting order of the account, emitting an order-removed event for each. */
    public void cancelAll(int account, long causeId) {
        for (Market m : markets) {
            m.book().cancelAll(account, (orderId, acct, side, price, remaining) -> {
                orderMarket.remove(orderId);
                events.emit(new ProtocolEvent.OrderRemoved(events.nextId(), causeId, events.block(), m.id(), orderId,
                        acct, remaining, "LIQUIDATION"));
            });
        }
    }

    /** Number of resting orders across all markets. */
    public int restingOrders() {
        return orderMarket.size();
    }

    private PlaceResult submitToBook(Market market, long id, int account, Side side, long price, long size,
                                     TimeInForce tif, boolean postOnly, long causeId, boolean liquidation) {
        guard.begin(market, liquidation);
        settlement.begin(market, causeId, liquidation);
        PlaceResult r = market.book().place(id, account, side, OrderType.LIMIT, price, size, tif, postOnly, guard,
                settlement);
        if (r.restingSize() > 0) {
            orderMarket.put(id, market.id());
        }
        return r;
    }

    /** Market orders become IOC limits {@code slippagePpm} away from the oracle. */
    private long marketLimit(Market market, Side side) {
        long oracle = market.oraclePrice();
        long band = Amounts.ppmFloor(oracle, slippagePpm);
        return side == Side.BUY ? Math.min(oracle + band, MAX_PRICE) : Math.max(1, oracle - band);
    }
}
