package backstop.protocol.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import backstop.protocol.Seeds;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Differential properties: random command streams run through {@link PriceLevelBook} and the naive
 * {@link ReferenceOrderBook} must give identical results, callbacks and states after every command, and
 * the fast book must never be crossed and must conserve size.
 */
class OrderBookProperties {

    /** One step of a random stream; {@code pick} chooses among ids that exist when the step runs. */
    sealed interface Command permits Place, Cancel, Reduce, CancelAll {
    }

    /** {@code reusePick} &gt;= 0 places with an already-resting id (a duplicate), -1 with a fresh one. */
    record Place(int account, Side side, OrderType type, long price, long size, TimeInForce tif,
                 boolean postOnly, int reusePick) implements Command {
    }

    /** {@code resting}: target a resting order, else any id ever issued or one beyond. */
    record Cancel(boolean resting, int pick) implements Command {
    }

    record Reduce(boolean resting, int pick, long newRemaining) implements Command {
    }

    record CancelAll(int account) implements Command {
    }

    private static final int ACCOUNTS = 4;

    @Property(tries = 300, seed = Seeds.PINNED)
    void fastBookMatchesReferenceAfterEveryCommand(@ForAll("commands") List<Command> commands,
                                                   @ForAll SelfTradePrevention stp,
                                                   @ForAll @IntRange(min = 0, max = 3) int guardSeed) {
        Harness harness = new Harness(stp, guard(guardSeed));
        for (Command command : commands) {
            harness.run(command);
        }
        Statistics.label("commands").collect(commands.size() >= 100 ? ">= 100" : "< 100");
        // A stream that never reaches some outcome could not catch a bug in it.
        Statistics.label("outcomes").coverage(coverage -> {
            for (PlaceOutcome outcome : PlaceOutcome.values()) {
                coverage.check(outcome).count(n -> n > 0);
            }
        });
    }

    @Property(tries = 50, seed = Seeds.PINNED)
    void replayingTheSameCommandsGivesTheSameHash(@ForAll("commands") List<Command> commands,
                                                  @ForAll SelfTradePrevention stp) {
        assertEquals(replay(commands, stp), replay(commands, stp));
    }

    private static long replay(List<Command> commands, SelfTradePrevention stp) {
        Harness harness = new Harness(stp, guard(1));
        commands.forEach(harness::run);
        return harness.fast.stateHash();
    }

    /** Seed 0 allows everything; otherwise a verdict that depends only on the fill's arguments. */
    static FillGuard guard(int seed) {
        if (seed == 0) {
            return FillGuard.ALLOW_ALL;
        }
        return (makerOrderId, makerAccount, takerAccount, takerSide, price, size) -> {
            long h = (makerOrderId * 0x9E3779B97F4A7C15L) ^ (size * 0xBF58476D1CE4E5B9L) ^ seed;
            h ^= h >>> 31;
            int roll = (int) Math.floorMod(h * 0x94D049BB133111EBL >>> 40, 100L);
            return roll < 6 ? FillVerdict.REMOVE_MAKER : roll < 11 ? FillVerdict.STOP_TAKER : FillVerdict.ALLOW;
        };
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        // Every argument is a typed local and the lambda's parameters are explicit: an eight-way combine left to
        // javac's inference failed to compile on one JDK 17 build although it compiled on others.
        Arbitrary<Integer> account = Arbitraries.integers().between(0, ACCOUNTS - 1);
        Arbitrary<Side> side = Arbitraries.of(Side.class);
        Arbitrary<OrderType> type = Arbitraries.<OrderType>frequency(Tuple.of(85, OrderType.LIMIT), Tuple.of(15, OrderType.MARKET));
        Arbitrary<Long> price = Arbitraries.longs().between(94, 106);
        Arbitrary<Long> size = Arbitraries.longs().between(1, 12);
        Arbitrary<TimeInForce> tif = Arbitraries.<TimeInForce>frequency(Tuple.of(75, TimeInForce.GTC), Tuple.of(25, TimeInForce.IOC));
        Arbitrary<Boolean> postOnly = Arbitraries.integers().between(0, 4).map(n -> n == 0);
        Arbitrary<Integer> reuse = Arbitraries.<Integer>frequencyOf(Tuple.of(97, Arbitraries.just(-1)),
                                                           Tuple.of(3, Arbitraries.integers().between(0, 999)));
        Arbitrary<Command> place = Combinators.combine(account, side, type, price, size, tif, postOnly, reuse)
                .as((Integer a, Side s, OrderType t, Long p, Long q, TimeInForce f, Boolean po, Integer r) ->
                        (Command) new Place(a, s, t, p, q, f, po && t == OrderType.LIMIT && f == TimeInForce.GTC, r));
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 999);
        Arbitrary<Boolean> cancelResting = Arbitraries.integers().between(0, 9).map(n -> n < 7);
        Arbitrary<Command> cancel = Combinators.combine(cancelResting, pick)
                .as((Boolean resting, Integer p) -> (Command) new Cancel(resting, p));
        Arbitrary<Boolean> reduceResting = Arbitraries.integers().between(0, 9).map(n -> n < 8);
        Arbitrary<Long> newRemaining = Arbitraries.longs().between(0, 12);
        Arbitrary<Command> reduce = Combinators.combine(reduceResting, pick, newRemaining)
                .as((Boolean resting, Integer p, Long remaining) -> (Command) new Reduce(resting, p, remaining));
        Arbitrary<Command> cancelAll = Arbitraries.integers().between(0, ACCOUNTS).map(CancelAll::new);
        return Arbitraries.<Command>frequencyOf(Tuple.of(60, place), Tuple.of(25, cancel), Tuple.of(10, reduce),
                                       Tuple.of(5, cancelAll))
                .list().ofMaxSize(300).withSizeDistribution(RandomDistribution.uniform());
    }

    /** Both books, their recorders, and the size ledger of the fast book. */
    static final class Harness {
        final OrderBook fast;
        final OrderBook reference;
        private final RecordingSink fastSink = new RecordingSink();
        private final RecordingSink referenceSink = new RecordingSink();
        private final FillGuard fastGuard;
        private final FillGuard referenceGuard;
        private long nextId = 1;
        /** Size ledger: placed = 2 * filled + resting + everything cancelled, removed, reduced or rejected. */
        private long placed;
        private long filled;
        private long gone;

        Harness(SelfTradePrevention stp, FillGuard guard) {
            fast = new PriceLevelBook(stp);
            reference = new ReferenceOrderBook(stp);
            fastGuard = fastSink.watching(guard);
            referenceGuard = referenceSink.watching(guard);
        }

        void run(Command command) {
            if (command instanceof Place p) {
                place(p);
            } else if (command instanceof Cancel c) {
                long id = target(c.resting(), c.pick());
                long remaining = fast.remaining(id);
                boolean cancelled = fast.cancel(id);
                assertEquals(reference.cancel(id), cancelled, command::toString);
                gone += cancelled ? remaining : 0;
            } else if (command instanceof Reduce r) {
                long id = target(r.resting(), r.pick());
                long before = fast.remaining(id);
                boolean reduced = fast.reduce(id, r.newRemaining());
                assertEquals(reference.reduce(id, r.newRemaining()), reduced, command::toString);
                assertEquals(reduced ? r.newRemaining() : before, fast.remaining(id));
                gone += reduced ? before - r.newRemaining() : 0;
            } else if (command instanceof CancelAll a) {
                List<List<Object>> fastRemoved = new ArrayList<>();
                List<List<Object>> referenceRemoved = new ArrayList<>();
                int count = fast.cancelAll(a.account(), (id, account, side, price, remaining) ->
                        fastRemoved.add(List.of(id, account, side, price, remaining)));
                assertEquals(reference.cancelAll(a.account(), (id, account, side, price, remaining) ->
                        referenceRemoved.add(List.of(id, account, side, price, remaining))), count);
                assertEquals(referenceRemoved, fastRemoved);
                assertEquals(count, fastRemoved.size());
                gone += fastRemoved.stream().mapToLong(o -> (Long) o.get(4)).sum();
            }
            assertEquals(referenceSink.events, fastSink.events, command::toString);
            fastSink.events.clear();
            referenceSink.events.clear();
            checkState(command);
        }

        private void place(Place p) {
            long id = p.reusePick() >= 0 && fast.orderCount() > 0 ? restingIds().get(p.reusePick()
                    % fast.orderCount()) : nextId++;
            PlaceResult result = fast.place(id, p.account(), p.side(), p.type(), p.price(), p.size(), p.tif(),
                                            p.postOnly(), fastGuard, fastSink);
            PlaceResult expected = reference.place(id, p.account(), p.side(), p.type(), p.price(), p.size(),
                                                   p.tif(), p.postOnly(), referenceGuard, referenceSink);
            assertEquals(expected, result, p::toString);
            Statistics.label("outcomes").collect(result.outcome());
            long fillSum = fastSink.fills().stream().mapToLong(RecordingSink.Fill::size).sum();
            assertEquals(result.filledSize(), fillSum);
            assertTrue(result.filledSize() + result.restingSize() <= p.size());
            if (result.outcome() != PlaceOutcome.REJECTED_DUPLICATE_ID) {
                assertEquals(result.restingSize(), fast.remaining(id));
            }
            placed += p.size();
            filled += fillSum;
            gone += p.size() - result.filledSize() - result.restingSize();
            gone += fastSink.removals().stream().mapToLong(RecordingSink.Removed::remainingSize).sum();
        }

        /** A resting id chosen by {@code pick}, or any id issued so far (or a few never issued). */
        private long target(boolean resting, int pick) {
            List<Long> ids = restingIds();
            if (resting && !ids.isEmpty()) {
                return ids.get(pick % ids.size());
            }
            return 1 + pick % (nextId + 3);
        }

        /** Ids of the reference book's resting orders, bids then asks, in priority order. */
        private List<Long> restingIds() {
            List<Long> ids = new ArrayList<>();
            for (Side side : Side.values()) {
                reference.forEachOrder(side, (id, account, s, price, remaining) -> ids.add(id));
            }
            return ids;
        }

        private void checkState(Command command) {
            String context = command.toString();
            assertEquals(orders(reference), orders(fast), context);
            assertEquals(reference.stateHash(), fast.stateHash(), context);
            assertEquals(reference.bestBid(), fast.bestBid(), context);
            assertEquals(reference.bestAsk(), fast.bestAsk(), context);
            assertEquals(reference.orderCount(), fast.orderCount(), context);
            for (Side side : Side.values()) {
                assertEquals(levels(reference, side), levels(fast, side), context);
                assertEquals(reference.levelCount(side), fast.levelCount(side), context);
                for (long price = 93; price <= 107; price += 2) {
                    assertEquals(reference.depthWithin(side, price), fast.depthWithin(side, price), context);
                    assertEquals(reference.sizeAt(side, price), fast.sizeAt(side, price), context);
                }
            }
            for (long id = Math.max(1, nextId - 3); id <= nextId; id++) {
                assertEquals(reference.remaining(id), fast.remaining(id));
                assertEquals(reference.priceOf(id), fast.priceOf(id));
                assertEquals(reference.accountOf(id), fast.accountOf(id));
                assertEquals(reference.sideOf(id), fast.sideOf(id));
                assertEquals(reference.contains(id), fast.contains(id));
            }
            long bid = fast.bestBid();
            long ask = fast.bestAsk();
            assertTrue(bid == OrderBook.NO_PRICE || ask == OrderBook.NO_PRICE || bid < ask,
                       () -> "crossed book " + bid + " >= " + ask + " after " + context);
            long resting = fast.depthWithin(Side.BUY, 1) + fast.depthWithin(Side.SELL, Long.MAX_VALUE);
            assertEquals(placed, 2 * filled + resting + gone, () -> "size not conserved after " + context);
        }

        private static List<List<Object>> orders(OrderBook book) {
            List<List<Object>> all = new ArrayList<>();
            for (Side side : Side.values()) {
                book.forEachOrder(side, (id, account, s, price, remaining) ->
                        all.add(List.of(id, account, s, price, remaining)));
            }
            return all;
        }

        private static List<List<Long>> levels(OrderBook book, Side side) {
            List<List<Long>> all = new ArrayList<>();
            book.forEachLevel(side, Integer.MAX_VALUE, (price, total, count) ->
                    all.add(List.of(price, total, (long) count)));
            return all;
        }
    }
}
