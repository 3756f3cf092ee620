package backstop.protocol.book;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A naive, obviously-correct {@link OrderBook}: one list of resting orders in arrival order, scanned and
 * sorted on every operation. The oracle for {@link PriceLevelBook} in differential tests.
 */
final class ReferenceOrderBook implements OrderBook {

    /** A resting order; {@code arrival} is its time priority. */
    private static final class Order {
        final long id;
        final int account;
        final Side side;
        final long price;
        final long arrival;
        long remaining;

        Order(long id, int account, Side side, long price, long remaining, long arrival) {
            this.id = id;
            this.account = account;
            this.side = side;
            this.price = price;
            this.remaining = remaining;
            this.arrival = arrival;
        }
    }

    private final SelfTradePrevention stp;
    private final List<Order> orders = new ArrayList<>();
    private long arrivals;

    ReferenceOrderBook(SelfTradePrevention stp) {
        this.stp = stp;
    }

    /** Best price first, then earliest arrival. */
    private static Comparator<Order> priority(Side side) {
        Comparator<Order> byPrice = Comparator.comparingLong(o -> o.price);
        if (side == Side.BUY) {
            byPrice = byPrice.reversed();
        }
        return byPrice.thenComparingLong(o -> o.arrival);
    }

    private List<Order> sorted(Side side) {
        List<Order> result = new ArrayList<>();
        for (Order o : orders) {
            if (o.side == side) {
                result.add(o);
            }
        }
        result.sort(priority(side));
        return result;
    }

    private Optional<Order> find(long id) {
        return orders.stream().filter(o -> o.id == id).findFirst();
    }

    /** Whether a taker on {@code takerSide} with this limit would trade with a maker at {@code makerPrice}. */
    private static boolean crosses(Side takerSide, long limit, long makerPrice) {
        return takerSide == Side.BUY ? makerPrice <= limit : makerPrice >= limit;
    }

    /** The first maker the taker would meet, if it crosses. */
    private Optional<Order> nextMaker(Side takerSide, long limit) {
        List<Order> makers = sorted(takerSide.opposite());
        if (makers.isEmpty() || !crosses(takerSide, limit, makers.get(0).price)) {
            return Optional.empty();
        }
        return Optional.of(makers.get(0));
    }

    @Override
    public PlaceResult place(long orderId, int account, Side side, OrderType type, long price, long size,
                             TimeInForce tif, boolean postOnly, FillGuard guard, FillSink sink) {
        if (account < 0 || side == null || type == null || tif == null || size <= 0
                || (type == OrderType.LIMIT && price <= 0)
                || (postOnly && (type != OrderType.LIMIT || tif != TimeInForce.GTC))) {
            throw new IllegalArgumentException("invalid order");
        }
        if (contains(orderId)) {
            return new PlaceResult(PlaceOutcome.REJECTED_DUPLICATE_ID, 0, 0);
        }
        boolean market = type == OrderType.MARKET;
        long limit = market ? (side == Side.BUY ? Long.MAX_VALUE : Long.MIN_VALUE) : price;
        if (postOnly && nextMaker(side, limit).isPresent()) {
            return new PlaceResult(PlaceOutcome.REJECTED_POST_ONLY_WOULD_CROSS, 0, 0);
        }
        long filled = 0;
        while (filled < size) {
            Optional<Order> next = nextMaker(side, limit);
            if (next.isEmpty()) {
                break;
            }
            Order maker = next.get();
            if (maker.account == account) {
                if (stp == SelfTradePrevention.CANCEL_RESTING || stp == SelfTradePrevention.CANCEL_BOTH) {
                    orders.remove(maker);
                    sink.onMakerRemoved(maker.id, maker.account, maker.side, maker.price, maker.remaining,
                                        RemovalReason.SELF_TRADE);
                }
                if (stp == SelfTradePrevention.CANCEL_RESTING) {
                    continue;
                }
                return new PlaceResult(PlaceOutcome.CANCELLED_SELF_TRADE, filled, 0);
            }
            long fill = Math.min(size - filled, maker.remaining);
            FillVerdict verdict = guard.check(maker.id, maker.account, account, side, maker.price, fill);
            if (verdict == FillVerdict.STOP_TAKER) {
                return new PlaceResult(PlaceOutcome.STOPPED_BY_GUARD, filled, 0);
            }
            if (verdict == FillVerdict.REMOVE_MAKER) {
                orders.remove(maker);
                sink.onMakerRemoved(maker.id, maker.account, maker.side, maker.price, maker.remaining,
                                    RemovalReason.GUARD);
                continue;
            }
            maker.remaining -= fill;
            filled += fill;
            if (maker.remaining == 0) {
                orders.remove(maker);
            }
            sink.onFill(maker.id, maker.account, orderId, account, side, maker.price, fill, maker.remaining);
        }
        if (filled == size) {
            return new PlaceResult(PlaceOutcome.FILLED, filled, 0);
        }
        if (market || tif == TimeInForce.IOC) {
            return new PlaceResult(filled == 0 ? PlaceOutcome.CANCELLED_UNFILLED
                                               : PlaceOutcome.PARTIALLY_FILLED_CANCELLED, filled, 0);
        }
        orders.add(new Order(orderId, account, side, price, size - filled, arrivals++));
        return new PlaceResult(filled == 0 ? PlaceOutcome.RESTING : PlaceOutcome.PARTIALLY_FILLED_RESTING,
                               filled, size - filled);
    }

    @Override
    public boolean cancel(long orderId) {
        return orders.removeIf(o -> o.id == orderId);
    }

    @Override
    public boolean reduce(long orderId, long newRemaining) {
        Optional<Order> order = find(orderId);
        if (order.isEmpty() || newRemaining <= 0 || newRemaining >= order.get().remaining) {
            return false;
        }
        order.get().remaining = newRemaining;
        return true;
    }

    @Override
    public int cancelAll(int account, OrderConsumer removed) {
        List<Order> mine = new ArrayList<>();
        for (Order o : orders) {
            if (o.account == account) {
                mine.add(o);
            }
        }
        mine.sort(Comparator.comparingLong(o -> o.arrival));
        for (Order o : mine) {
            orders.remove(o);
            removed.accept(o.id, o.account, o.side, o.price, o.remaining);
        }
        return mine.size();
    }

    @Override
    public long bestBid() {
        List<Order> bids = sorted(Side.BUY);
        return bids.isEmpty() ? NO_PRICE : bids.get(0).price;
    }

    @Override
    public long bestAsk() {
        List<Order> asks = sorted(Side.SELL);
        return asks.isEmpty() ? NO_PRICE : asks.get(0).price;
    }

    @Override
    public long sizeAt(Side side, long price) {
        return orders.stream().filter(o -> o.side == side && o.price == price).mapToLong(o -> o.remaining).sum();
    }

    @Override
    public long depthWithin(Side side, long limitPrice) {
        return orders.stream()
                .filter(o -> o.side == side && (side == Side.BUY ? o.price >= limitPrice : o.price <= limitPrice))
                .mapToLong(o -> o.remaining).sum();
    }

    @Override
    public int levelCount(Side side) {
        return (int) orders.stream().filter(o -> o.side == side).mapToLong(o -> o.price).distinct().count();
    }

    @Override
    public int orderCount() {
        return orders.size();
    }

    @Override
    public void forEachLevel(Side side, int maxLevels, LevelConsumer consumer) {
        List<Order> sorted = sorted(side);
        int visited = 0;
        int i = 0;
        while (i < sorted.size() && visited < maxLevels) {
            long price = sorted.get(i).price;
            long total = 0;
            int count = 0;
            while (i < sorted.size() && sorted.get(i).price == price) {
                total += sorted.get(i).remaining;
                count++;
                i++;
            }
            consumer.accept(price, total, count);
            visited++;
        }
    }

    @Override
    public void forEachOrder(Side side, OrderConsumer consumer) {
        for (Order o : sorted(side)) {
            consumer.accept(o.id, o.account, o.side, o.price, o.remaining);
        }
    }

    @Override
    public boolean contains(long orderId) {
        return find(orderId).isPresent();
    }

    @Override
    public long remaining(long orderId) {
        return find(orderId).map(o -> o.remaining).orElse(0L);
    }

    @Override
    public long priceOf(long orderId) {
        return find(orderId).map(o -> o.price).orElse(NO_PRICE);
    }

    @Override
    public int accountOf(long orderId) {
        return find(orderId).map(o -> o.account).orElse(-1);
    }

    @Override
    public Side sideOf(long orderId) {
        return find(orderId).map(o -> o.side).orElse(null);
    }
}
