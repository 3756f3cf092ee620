package backstop.protocol.book;

import static backstop.protocol.book.OrderType.LIMIT;
import static backstop.protocol.book.OrderType.MARKET;
import static backstop.protocol.book.PlaceOutcome.CANCELLED_SELF_TRADE;
import static backstop.protocol.book.PlaceOutcome.CANCELLED_UNFILLED;
import static backstop.protocol.book.PlaceOutcome.FILLED;
import static backstop.protocol.book.PlaceOutcome.PARTIALLY_FILLED_CANCELLED;
import static backstop.protocol.book.PlaceOutcome.PARTIALLY_FILLED_RESTING;
import static backstop.protocol.book.PlaceOutcome.REJECTED_DUPLICATE_ID;
import static backstop.protocol.book.PlaceOutcome.REJECTED_POST_ONLY_WOULD_CROSS;
import static backstop.protocol.book.PlaceOutcome.RESTING;
import static backstop.protocol.book.PlaceOutcome.STOPPED_BY_GUARD;
import static backstop.protocol.book.RemovalReason.GUARD;
import static backstop.protocol.book.RemovalReason.SELF_TRADE;
import static backstop.protocol.book.SelfTradePrevention.CANCEL_BOTH;
import static backstop.protocol.book.SelfTradePrevention.CANCEL_RESTING;
import static backstop.protocol.book.SelfTradePrevention.CANCEL_TAKER;
import static backstop.protocol.book.Side.BUY;
import static backstop.protocol.book.Side.SELL;
import static backstop.protocol.book.TimeInForce.GTC;
import static backstop.protocol.book.TimeInForce.IOC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backstop.protocol.book.RecordingSink.Fill;
import backstop.protocol.book.RecordingSink.GuardCall;
import backstop.protocol.book.RecordingSink.Removed;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-checked examples of every matching rule, run against both the fast and the reference book. */
class OrderBookTest {

    /** Makes a fresh book with the given self-trade prevention. */
    interface Books extends Function<SelfTradePrevention, OrderBook> {
    }

    static Stream<Named<Books>> books() {
        return Stream.of(Named.of("PriceLevelBook", PriceLevelBook::new),
                         Named.of("ReferenceOrderBook", ReferenceOrderBook::new));
    }

    private final RecordingSink sink = new RecordingSink();

    private PlaceResult limit(OrderBook book, long id, int account, Side side, long price, long size) {
        return book.place(id, account, side, LIMIT, price, size, GTC, false, FillGuard.ALLOW_ALL, sink);
    }

    private PlaceResult ioc(OrderBook book, long id, int account, Side side, long price, long size) {
        return book.place(id, account, side, LIMIT, price, size, IOC, false, FillGuard.ALLOW_ALL, sink);
    }

    private PlaceResult market(OrderBook book, long id, int account, Side side, long size) {
        return book.place(id, account, side, MARKET, 0, size, IOC, false, FillGuard.ALLOW_ALL, sink);
    }

    private static Fill fill(long maker, int makerAccount, long taker, int takerAccount, Side takerSide,
                             long price, long size, long makerRemaining) {
        return new Fill(maker, makerAccount, taker, takerAccount, takerSide, price, size, makerRemaining);
    }

    private static List<Long> orderIds(OrderBook book, Side side) {
        List<Long> ids = new ArrayList<>();
        book.forEachOrder(side, (id, account, s, price, remaining) -> ids.add(id));
        return ids;
    }

    @ParameterizedTest
    @MethodSource("books")
    void restingOrdersFillInPriceThenTimePriority(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, SELL, 101, 5);
        limit(book, 2, 2, SELL, 100, 5);
        limit(book, 3, 3, SELL, 100, 5);

        PlaceResult result = limit(book, 9, 9, BUY, 101, 12);

        assertEquals(new PlaceResult(FILLED, 12, 0), result);
        assertEquals(List.of(fill(2, 2, 9, 9, BUY, 100, 5, 0), fill(3, 3, 9, 9, BUY, 100, 5, 0),
                             fill(1, 1, 9, 9, BUY, 101, 2, 3)), sink.events);
        assertEquals(3, book.remaining(1));
        assertFalse(book.contains(2));
        assertEquals(1, book.orderCount());
    }

    @ParameterizedTest
    @MethodSource("books")
    void fillsHappenAtTheMakersPriceNotTheTakersLimit(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, BUY, 100, 4);

        PlaceResult result = limit(book, 2, 2, SELL, 90, 4);

        assertEquals(new PlaceResult(FILLED, 4, 0), result);
        assertEquals(List.of(fill(1, 1, 2, 2, SELL, 100, 4, 0)), sink.events);
        assertEquals(OrderBook.NO_PRICE, book.bestBid());
        assertEquals(OrderBook.NO_PRICE, book.bestAsk());
    }

    @ParameterizedTest
    @MethodSource("books")
    void nonCrossingLimitOrderRestsWhole(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, SELL, 101, 5);

        assertEquals(new PlaceResult(RESTING, 0, 7), limit(book, 2, 2, BUY, 100, 7));

        assertEquals(100, book.bestBid());
        assertEquals(101, book.bestAsk());
        assertEquals(7, book.remaining(2));
        assertEquals(100, book.priceOf(2));
        assertEquals(2, book.accountOf(2));
        assertEquals(BUY, book.sideOf(2));
        assertTrue(sink.events.isEmpty());
    }

    @ParameterizedTest
    @MethodSource("books")
    void gtcRemainderRestsAtItsLimitAfterPartialFill(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, SELL, 100, 5);

        assertEquals(new PlaceResult(PARTIALLY_FILLED_RESTING, 5, 3), limit(book, 2, 2, BUY, 101, 8));

        assertEquals(101, book.bestBid());
        assertEquals(3, book.sizeAt(BUY, 101));
        assertEquals(OrderBook.NO_PRICE, book.bestAsk());
    }

    @ParameterizedTest
    @MethodSource("books")
    void iocRemainderIsCancelledNotRested(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, SELL, 100, 5);
        limit(book, 2, 1, SELL, 102, 5);

        assertEquals(new PlaceResult(PARTIALLY_FILLED_CANCELLED, 5, 0), ioc(book, 3, 2, BUY, 101, 8));
        assertEquals(new PlaceResult(CANCELLED_UNFILLED, 0, 0), ioc(book, 4, 2, BUY, 101, 8));
        assertEquals(new PlaceResult(FILLED, 2, 0), ioc(book, 5, 2, BUY, 102, 2));

        assertEquals(OrderBook.NO_PRICE, book.bestBid());
        assertEquals(1, book.orderCount());
        assertEquals(3, book.remaining(2));
    }

    @ParameterizedTest
    @MethodSource("books")
    void marketOrderIgnoresPriceSweepsTheBookAndNeverRests(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, SELL, 100, 2);
        limit(book, 2, 1, SELL, 200, 3);
        limit(book, 3, 1, BUY, 50, 4);

        PlaceResult sweep = book.place(4, 2, BUY, MARKET, 1, 10, GTC, false, FillGuard.ALLOW_ALL, sink);
        assertEquals(new PlaceResult(PARTIALLY_FILLED_CANCELLED, 5, 0), sweep);
        assertEquals(List.of(fill(1, 1, 4, 2, BUY, 100, 2, 0), fill(2, 1, 4, 2, BUY, 200, 3, 0)), sink.events);
        assertEquals(OrderBook.NO_PRICE, book.bestAsk());
        assertEquals(50, book.bestBid());

        assertEquals(new PlaceResult(FILLED, 1, 0), market(book, 5, 2, SELL, 1));
        assertEquals(new PlaceResult(CANCELLED_UNFILLED, 0, 0), market(book, 6, 2, BUY, 1));
        assertFalse(book.contains(6));
    }

    @ParameterizedTest
    @MethodSource("books")
    void postOnlyThatWouldCrossIsRejectedWhole(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, SELL, 100, 5);
        long before = book.stateHash();

        PlaceResult rejected = book.place(2, 2, BUY, LIMIT, 100, 3, GTC, true, FillGuard.ALLOW_ALL, sink);
        assertEquals(new PlaceResult(REJECTED_POST_ONLY_WOULD_CROSS, 0, 0), rejected);
        assertEquals(before, book.stateHash());
        assertTrue(sink.events.isEmpty());

        PlaceResult rests = book.place(3, 2, BUY, LIMIT, 99, 3, GTC, true, FillGuard.ALLOW_ALL, sink);
        assertEquals(new PlaceResult(RESTING, 0, 3), rests);
    }

    @ParameterizedTest
    @MethodSource("books")
    void postOnlyCrossingOnlyItsOwnAccountIsStillRejected(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 7, SELL, 100, 5);

        PlaceResult rejected = book.place(2, 7, BUY, LIMIT, 101, 3, GTC, true, FillGuard.ALLOW_ALL, sink);

        assertEquals(new PlaceResult(REJECTED_POST_ONLY_WOULD_CROSS, 0, 0), rejected);
        assertTrue(book.contains(1));
        assertTrue(sink.events.isEmpty());
    }

    @ParameterizedTest
    @MethodSource("books")
    void cancelRestingRemovesOwnOrderAndKeepsMatching(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, SELL, 100, 5);
        limit(book, 2, 2, SELL, 100, 5);

        PlaceResult result = limit(book, 3, 1, BUY, 100, 5);

        assertEquals(new PlaceResult(FILLED, 5, 0), result);
        assertEquals(List.of(new Removed(1, 1, SELL, 100, 5, SELF_TRADE), fill(2, 2, 3, 1, BUY, 100, 5, 0)),
                     sink.events);
        assertEquals(0, book.orderCount());
    }

    @ParameterizedTest
    @MethodSource("books")
    void cancelRestingLetsTheRemainderRestAfterClearingOwnOrders(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, SELL, 100, 5);

        assertEquals(new PlaceResult(RESTING, 0, 4), limit(book, 2, 1, BUY, 100, 4));

        assertEquals(List.of(new Removed(1, 1, SELL, 100, 5, SELF_TRADE)), sink.events);
        assertEquals(100, book.bestBid());
    }

    @ParameterizedTest
    @MethodSource("books")
    void cancelTakerStopsAtOwnOrderAfterEarlierFills(Books books) {
        OrderBook book = books.apply(CANCEL_TAKER);
        limit(book, 1, 2, SELL, 100, 3);
        limit(book, 2, 1, SELL, 100, 5);
        limit(book, 3, 3, SELL, 100, 5);

        PlaceResult result = limit(book, 4, 1, BUY, 100, 10);

        assertEquals(new PlaceResult(CANCELLED_SELF_TRADE, 3, 0), result);
        assertEquals(List.of(fill(1, 2, 4, 1, BUY, 100, 3, 0)), sink.events);
        assertEquals(List.of(2L, 3L), orderIds(book, SELL));
        assertEquals(OrderBook.NO_PRICE, book.bestBid());
    }

    @ParameterizedTest
    @MethodSource("books")
    void cancelBothRemovesOwnOrderAndCancelsTheTaker(Books books) {
        OrderBook book = books.apply(CANCEL_BOTH);
        limit(book, 1, 2, SELL, 100, 3);
        limit(book, 2, 1, SELL, 100, 5);
        limit(book, 3, 3, SELL, 100, 5);

        PlaceResult result = limit(book, 4, 1, BUY, 100, 10);

        assertEquals(new PlaceResult(CANCELLED_SELF_TRADE, 3, 0), result);
        assertEquals(List.of(fill(1, 2, 4, 1, BUY, 100, 3, 0), new Removed(2, 1, SELL, 100, 5, SELF_TRADE)),
                     sink.events);
        assertEquals(List.of(3L), orderIds(book, SELL));
        assertEquals(OrderBook.NO_PRICE, book.bestBid());
    }

    @ParameterizedTest
    @MethodSource("books")
    void guardSeesEachProspectiveFillAtTheMakersPrice(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, BUY, 100, 2);
        limit(book, 2, 2, BUY, 99, 10);

        book.place(3, 3, SELL, LIMIT, 95, 5, GTC, false, sink.watching(FillGuard.ALLOW_ALL), sink);

        assertEquals(List.of(new GuardCall(1, 1, 3, SELL, 100, 2, FillVerdict.ALLOW),
                             fill(1, 1, 3, 3, SELL, 100, 2, 0),
                             new GuardCall(2, 2, 3, SELL, 99, 3, FillVerdict.ALLOW),
                             fill(2, 2, 3, 3, SELL, 99, 3, 7)), sink.events);
    }

    @ParameterizedTest
    @MethodSource("books")
    void guardRemoveMakerDropsThatOrderAndMatchesTheNext(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, SELL, 100, 5);
        limit(book, 2, 2, SELL, 101, 5);
        FillGuard broke = (maker, makerAccount, taker, side, price, size) ->
                makerAccount == 1 ? FillVerdict.REMOVE_MAKER : FillVerdict.ALLOW;

        PlaceResult result = book.place(3, 3, BUY, LIMIT, 101, 4, GTC, false, broke, sink);

        assertEquals(new PlaceResult(FILLED, 4, 0), result);
        assertEquals(List.of(new Removed(1, 1, SELL, 100, 5, GUARD), fill(2, 2, 3, 3, BUY, 101, 4, 1)),
                     sink.events);
        assertFalse(book.contains(1));
    }

    @ParameterizedTest
    @MethodSource("books")
    void guardStopTakerCancelsTheRemainderEvenWhenGtc(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, SELL, 100, 5);
        limit(book, 2, 2, SELL, 101, 5);
        FillGuard stopAt101 = (maker, makerAccount, taker, side, price, size) ->
                price >= 101 ? FillVerdict.STOP_TAKER : FillVerdict.ALLOW;

        PlaceResult result = book.place(3, 3, BUY, LIMIT, 105, 8, GTC, false, stopAt101, sink);

        assertEquals(new PlaceResult(STOPPED_BY_GUARD, 5, 0), result);
        assertEquals(List.of(fill(1, 1, 3, 3, BUY, 100, 5, 0)), sink.events);
        assertEquals(OrderBook.NO_PRICE, book.bestBid());
        assertEquals(5, book.remaining(2));
    }

    @ParameterizedTest
    @MethodSource("books")
    void reduceShrinksInPlaceAndKeepsTimePriority(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, BUY, 100, 10);
        limit(book, 2, 2, BUY, 100, 10);

        assertTrue(book.reduce(1, 4));
        assertFalse(book.reduce(1, 4));
        assertFalse(book.reduce(1, 5));
        assertFalse(book.reduce(1, 0));
        assertFalse(book.reduce(99, 1));
        assertEquals(14, book.sizeAt(BUY, 100));

        limit(book, 3, 3, SELL, 100, 6);
        assertEquals(List.of(fill(1, 1, 3, 3, SELL, 100, 4, 0), fill(2, 2, 3, 3, SELL, 100, 2, 8)), sink.events);
    }

    @ParameterizedTest
    @MethodSource("books")
    void cancelRemovesTheOrderAndItsEmptyLevel(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, BUY, 100, 10);
        limit(book, 2, 1, BUY, 99, 10);

        assertTrue(book.cancel(1));
        assertFalse(book.cancel(1));
        assertFalse(book.cancel(42));

        assertEquals(99, book.bestBid());
        assertEquals(1, book.levelCount(BUY));
        assertEquals(0, book.sizeAt(BUY, 100));
        assertEquals(0, book.remaining(1));
        assertEquals(OrderBook.NO_PRICE, book.priceOf(1));
        assertEquals(-1, book.accountOf(1));
        assertNull(book.sideOf(1));
    }

    @ParameterizedTest
    @MethodSource("books")
    void cancelAllRemovesOnlyThatAccountsOrdersInArrivalOrder(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 5, BUY, 100, 1);
        limit(book, 2, 6, BUY, 100, 2);
        limit(book, 3, 5, SELL, 110, 3);
        limit(book, 4, 5, BUY, 101, 4);
        List<Long> removed = new ArrayList<>();

        int count = book.cancelAll(5, (id, account, side, price, remaining) -> removed.add(id));

        assertEquals(3, count);
        assertEquals(List.of(1L, 3L, 4L), removed);
        assertEquals(List.of(2L), orderIds(book, BUY));
        assertEquals(OrderBook.NO_PRICE, book.bestAsk());
        assertEquals(0, book.cancelAll(5, (id, account, side, price, remaining) -> removed.add(id)));
    }

    @ParameterizedTest
    @MethodSource("books")
    void depthWithinCountsPricesAtLeastAsGoodForATaker(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, BUY, 100, 1);
        limit(book, 2, 1, BUY, 99, 2);
        limit(book, 3, 1, BUY, 98, 4);
        limit(book, 4, 1, SELL, 101, 10);
        limit(book, 5, 1, SELL, 103, 20);

        assertEquals(3, book.depthWithin(BUY, 99));
        assertEquals(7, book.depthWithin(BUY, 1));
        assertEquals(0, book.depthWithin(BUY, 101));
        assertEquals(10, book.depthWithin(SELL, 102));
        assertEquals(30, book.depthWithin(SELL, 103));
        assertEquals(0, book.depthWithin(SELL, 100));
    }

    @ParameterizedTest
    @MethodSource("books")
    void forEachLevelVisitsBestFirstUpToTheLimit(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, SELL, 103, 1);
        limit(book, 2, 2, SELL, 101, 2);
        limit(book, 3, 3, SELL, 101, 3);
        limit(book, 4, 4, SELL, 102, 4);
        List<long[]> levels = new ArrayList<>();

        book.forEachLevel(SELL, 2, (price, total, orders) -> levels.add(new long[] {price, total, orders}));

        assertEquals(2, levels.size());
        assertEquals(List.of(101L, 5L, 2L), List.of(levels.get(0)[0], levels.get(0)[1], levels.get(0)[2]));
        assertEquals(List.of(102L, 4L, 1L), List.of(levels.get(1)[0], levels.get(1)[1], levels.get(1)[2]));
        assertEquals(3, book.levelCount(SELL));
        assertEquals(0, book.levelCount(BUY));
    }

    @ParameterizedTest
    @MethodSource("books")
    void duplicateIdOfARestingOrderIsRejected(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        limit(book, 1, 1, BUY, 100, 10);

        assertEquals(new PlaceResult(REJECTED_DUPLICATE_ID, 0, 0), limit(book, 1, 2, SELL, 100, 5));
        assertEquals(10, book.remaining(1));
        assertTrue(sink.events.isEmpty());
    }

    @ParameterizedTest
    @MethodSource("books")
    void invalidArgumentsAreBugsAndThrow(Books books) {
        OrderBook book = books.apply(CANCEL_RESTING);
        FillGuard g = FillGuard.ALLOW_ALL;
        assertThrows(IllegalArgumentException.class, () -> book.place(1, 1, BUY, LIMIT, 100, 0, GTC, false, g, sink));
        assertThrows(IllegalArgumentException.class, () -> book.place(1, 1, BUY, LIMIT, 0, 5, GTC, false, g, sink));
        assertThrows(IllegalArgumentException.class, () -> book.place(1, 1, BUY, LIMIT, 100, 5, IOC, true, g, sink));
        assertThrows(IllegalArgumentException.class, () -> book.place(1, 1, BUY, MARKET, 100, 5, GTC, true, g, sink));
        assertThrows(IllegalArgumentException.class, () -> book.place(1, -1, BUY, LIMIT, 100, 5, GTC, false, g, sink));
        assertEquals(0, book.orderCount());
    }

    @Test
    void bothBooksHashEqualStatesEquallyAndDifferentStatesDifferently() {
        OrderBook fast = new PriceLevelBook(CANCEL_RESTING);
        OrderBook reference = new ReferenceOrderBook(CANCEL_RESTING);
        for (OrderBook book : List.of(fast, reference)) {
            limit(book, 1, 1, BUY, 100, 10);
            limit(book, 2, 2, BUY, 100, 5);
            limit(book, 3, 3, SELL, 102, 7);
        }
        assertEquals(fast.stateHash(), reference.stateHash());

        long before = fast.stateHash();
        fast.reduce(2, 4);
        assertNotEquals(before, fast.stateHash());

        OrderBook swapped = new PriceLevelBook(CANCEL_RESTING);
        limit(swapped, 2, 2, BUY, 100, 5);
        limit(swapped, 1, 1, BUY, 100, 10);
        limit(swapped, 3, 3, SELL, 102, 7);
        assertNotEquals(reference.stateHash(), swapped.stateHash());
    }
}
