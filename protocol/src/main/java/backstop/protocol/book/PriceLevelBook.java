package backstop.protocol.book;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

/**
 * The fast {@link OrderBook}: per side, price levels holding intrusive FIFO queues (see {@link BookSide}),
 * an id index, a per-account index, and recycled nodes so steady-state matching allocates little.
 */
public final class PriceLevelBook implements OrderBook {
    private final SelfTradePrevention selfTradePrevention;
    private final BookSide bids = new BookSide(Side.BUY);
    private final BookSide asks = new BookSide(Side.SELL);
    private final Long2ObjectOpenHashMap<RestingOrder> byId = new Long2ObjectOpenHashMap<>();
    private final AccountOrders byAccount = new AccountOrders();
    private RestingOrder freeOrders;

    public PriceLevelBook(SelfTradePrevention selfTradePrevention) {
        if (selfTradePrevention == null) {
            throw new IllegalArgumentException("selfTradePrevention must not be null");
        }
        this.selfTradePrevention = selfTradePrevention;
    }

    @Override
    public PlaceResult place(long orderId, int account, Side side, OrderType type, long price, long size,
                             TimeInForce tif, boolean postOnly, FillGuard guard, FillSink sink) {
        validate(account, side, type, price, size, tif, postOnly);
        if (byId.containsKey(orderId)) {
            return PlaceResult.nothing(PlaceOutcome.REJECTED_DUPLICATE_ID);
        }
        boolean market = type == OrderType.MARKET;
        long limit = market ? (side == Side.BUY ? Long.MAX_VALUE : Long.MIN_VALUE) : price;
        BookSide makers = bookSide(side.opposite());
        if (postOnly && makers.crosses(limit)) {
            return PlaceResult.nothing(PlaceOutcome.REJECTED_POST_ONLY_WOULD_CROSS);
        }
        long left = size;
        PlaceOutcome stopped = null;
        while (left > 0 && makers.crosses(limit)) {
            RestingOrder maker = makers.best().head;
            if (maker.account == account) {
                if (selfTradePrevention != SelfTradePrevention.CANCEL_TAKER) {
                    removeMaker(maker, RemovalReason.SELF_TRADE, sink);
                }
                if (selfTradePrevention == SelfTradePrevention.CANCEL_RESTING) {
                    continue;
                }
                stopped = PlaceOutcome.CANCELLED_SELF_TRADE;
                break;
            }
            long fill = Math.min(left, maker.remaining);
            FillVerdict verdict = guard.check(maker.id, maker.account, account, side, maker.price, fill);
            switch (verdict) {
                case ALLOW -> {
                    left -= fill;
                    fill(maker, fill, orderId, account, side, sink);
                }
                case REMOVE_MAKER -> removeMaker(maker, RemovalReason.GUARD, sink);
                case STOP_TAKER -> stopped = PlaceOutcome.STOPPED_BY_GUARD;
            }
            if (stopped != null) {
                break;
            }
        }
        long filled = size - left;
        if (stopped != null) {
            return new PlaceResult(stopped, filled, 0);
        }
        if (left == 0) {
            return new PlaceResult(PlaceOutcome.FILLED, filled, 0);
        }
        if (market || tif == TimeInForce.IOC) {
            return new PlaceResult(filled > 0 ? PlaceOutcome.PARTIALLY_FILLED_CANCELLED
                                              : PlaceOutcome.CANCELLED_UNFILLED, filled, 0);
        }
        rest(orderId, account, side, price, left);
        return new PlaceResult(filled > 0 ? PlaceOutcome.PARTIALLY_FILLED_RESTING : PlaceOutcome.RESTING,
                               filled, left);
    }

    private static void validate(int account, Side side, OrderType type, long price, long size,
                                 TimeInForce tif, boolean postOnly) {
        if (side == null || type == null || tif == null) {
            throw new IllegalArgumentException("side, type and tif must not be null");
        }
        if (account < 0) {
            throw new IllegalArgumentException("account must be >= 0: " + account);
        }
        if (size <= 0) {
            throw new IllegalArgumentException("size must be > 0: " + size);
        }
        if (type == OrderType.LIMIT && price <= 0) {
            throw new IllegalArgumentException("limit price must be > 0: " + price);
        }
        if (postOnly && (type != OrderType.LIMIT || tif != TimeInForce.GTC)) {
            throw new IllegalArgumentException("post-only needs LIMIT and GTC: " + type + " " + tif);
        }
    }

    private void fill(RestingOrder maker, long size, long takerId, int takerAccount, Side takerSide,
                      FillSink sink) {
        maker.remaining -= size;
        maker.level.total -= size;
        long makerId = maker.id;
        int makerAccount = maker.account;
        long price = maker.price;
        long makerRemaining = maker.remaining;
        if (makerRemaining == 0) {
            unlinkAndRecycle(maker);
        }
        sink.onFill(makerId, makerAccount, takerId, takerAccount, takerSide, price, size, makerRemaining);
    }

    private void removeMaker(RestingOrder maker, RemovalReason reason, FillSink sink) {
        long id = maker.id;
        int account = maker.account;
        Side side = maker.side;
        long price = maker.price;
        long remaining = maker.remaining;
        unlinkAndRecycle(maker);
        sink.onMakerRemoved(id, account, side, price, remaining, reason);
    }

    private void rest(long orderId, int account, Side side, long price, long size) {
        RestingOrder order = freeOrders;
        if (order == null) {
            order = new RestingOrder();
        } else {
            freeOrders = order.next;
            order.next = null;
        }
        order.set(orderId, account, side, price, size);
        bookSide(side).levelFor(price).append(order);
        byId.put(orderId, order);
        byAccount.add(order);
    }

    /** Removes a resting order from every index and puts its node on the free list. */
    private void unlinkAndRecycle(RestingOrder order) {
        Level level = order.level;
        level.unlink(order);
        if (level.isEmpty()) {
            bookSide(order.side).removeEmpty(level);
        }
        byId.remove(order.id);
        byAccount.remove(order);
        order.clearLinks();
        order.next = freeOrders;
        freeOrders = order;
    }

    private BookSide bookSide(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    @Override
    public boolean cancel(long orderId) {
        RestingOrder order = byId.get(orderId);
        if (order == null) {
            return false;
        }
        unlinkAndRecycle(order);
        return true;
    }

    @Override
    public boolean reduce(long orderId, long newRemaining) {
        RestingOrder order = byId.get(orderId);
        if (order == null || newRemaining <= 0 || newRemaining >= order.remaining) {
            return false;
        }
        order.level.total -= order.remaining - newRemaining;
        order.remaining = newRemaining;
        return true;
    }

    @Override
    public int cancelAll(int account, OrderConsumer removed) {
        int count = 0;
        for (RestingOrder order = byAccount.first(account); order != null; ) {
            RestingOrder next = order.accountNext;
            long id = order.id;
            Side side = order.side;
            long price = order.price;
            long remaining = order.remaining;
            unlinkAndRecycle(order);
            removed.accept(id, account, side, price, remaining);
            count++;
            order = next;
        }
        return count;
    }

    @Override
    public long bestBid() {
        return bids.bestPrice();
    }

    @Override
    public long bestAsk() {
        return asks.bestPrice();
    }

    @Override
    public long sizeAt(Side side, long price) {
        Level level = bookSide(side).levelAt(price);
        return level == null ? 0 : level.total;
    }

    @Override
    public long depthWithin(Side side, long limitPrice) {
        return bookSide(side).depthWithin(limitPrice);
    }

    @Override
    public int levelCount(Side side) {
        return bookSide(side).levelCount();
    }

    @Override
    public int orderCount() {
        return byId.size();
    }

    @Override
    public void forEachLevel(Side side, int maxLevels, LevelConsumer consumer) {
        bookSide(side).forEachLevel(maxLevels, consumer);
    }

    @Override
    public void forEachOrder(Side side, OrderConsumer consumer) {
        bookSide(side).forEachOrder(consumer);
    }

    @Override
    public boolean contains(long orderId) {
        return byId.containsKey(orderId);
    }

    @Override
    public long remaining(long orderId) {
        RestingOrder order = byId.get(orderId);
        return order == null ? 0 : order.remaining;
    }

    @Override
    public long priceOf(long orderId) {
        RestingOrder order = byId.get(orderId);
        return order == null ? NO_PRICE : order.price;
    }

    @Override
    public int accountOf(long orderId) {
        RestingOrder order = byId.get(orderId);
        return order == null ? -1 : order.account;
    }

    @Override
    public Side sideOf(long orderId) {
        RestingOrder order = byId.get(orderId);
        return order == null ? null : order.side;
    }
}
