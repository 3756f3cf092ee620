package backstop.protocol.book;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of {@link PriceLevelBook} on a mixed stream near steady state: 60% limit orders (a sixth of
 * them crossing), 30% cancels of resting orders, 10% market orders, on a book of about 1,000 orders over
 * about 100 levels per side. One operation is one command. Run with
 * {@code ./bench protocol OrderBookBenchmark -f 1 -wi 3 -w 2 -i 5 -r 2}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OrderBookBenchmark {
    static final int COMMANDS = 1 << 19;
    static final int ORDERS_PER_SIDE = 1_000;
    static final int LEVELS_PER_SIDE = 100;
    static final long CENTER = 100_000;
    static final int ACCOUNTS = 200;
    static final long SEED = 0x5EED_B00CL;

    static final byte LIMIT_BUY = 0;
    static final byte LIMIT_SELL = 1;
    static final byte MARKET_BUY = 2;
    static final byte MARKET_SELL = 3;
    static final byte CANCEL = 4;

    /** A pre-generated command stream: the warm-up placements, then the measured commands. */
    static final class Stream {
        final int prefill;
        final byte[] kind;
        final long[] id;
        final int[] account;
        final long[] price;
        final long[] size;

        Stream(int prefill, int commands) {
            this.prefill = prefill;
            int n = prefill + commands;
            kind = new byte[n];
            id = new long[n];
            account = new int[n];
            price = new long[n];
            size = new long[n];
        }

        /** Applies command {@code i} to a book; returns the size it filled (or 1 for a successful cancel). */
        long apply(OrderBook book, int i) {
            return switch (kind[i]) {
                case LIMIT_BUY, LIMIT_SELL -> book.place(id[i], account[i], kind[i] == LIMIT_BUY ? Side.BUY : Side.SELL,
                        OrderType.LIMIT, price[i], size[i], TimeInForce.GTC, false, FillGuard.ALLOW_ALL,
                        FillSink.NONE).filledSize();
                case MARKET_BUY, MARKET_SELL -> book.place(id[i], account[i],
                        kind[i] == MARKET_BUY ? Side.BUY : Side.SELL, OrderType.MARKET, 0, size[i], TimeInForce.IOC,
                        false, FillGuard.ALLOW_ALL, FillSink.NONE).filledSize();
                default -> book.cancel(id[i]) ? 1 : 0;
            };
        }
    }

    private Stream stream;
    private OrderBook book;

    @Setup(Level.Trial)
    public void generate() {
        stream = generate(SEED, COMMANDS);
    }

    /** A fresh book at the stream's starting depth for every pass over it (not measured). */
    @Setup(Level.Invocation)
    public void freshBook() {
        book = new PriceLevelBook(SelfTradePrevention.CANCEL_RESTING);
        for (int i = 0; i < stream.prefill; i++) {
            stream.apply(book, i);
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long mixedCommands() {
        long filled = 0;
        for (int i = stream.prefill, n = stream.kind.length; i < n; i++) {
            filled += stream.apply(book, i);
        }
        return filled;
    }

    /**
     * Generates the stream by running it through a book of its own, so cancels name orders that really
     * rest; taker sizes grow with the book's depth, which holds depth near its target.
     */
    static Stream generate(long seed, int commands) {
        SplittableRandom random = new SplittableRandom(seed);
        Stream s = new Stream(2 * ORDERS_PER_SIDE, commands);
        OrderBook generator = new PriceLevelBook(SelfTradePrevention.CANCEL_RESTING);
        long[] live = new long[s.kind.length];
        int liveCount = 0;
        long nextId = 1;
        long mid = CENTER;
        for (int i = 0; i < s.kind.length; i++) {
            double roll = i < s.prefill ? 0 : random.nextDouble();
            s.account[i] = random.nextInt(ACCOUNTS);
            if (generator.bestBid() != OrderBook.NO_PRICE && generator.bestAsk() != OrderBook.NO_PRICE) {
                mid = (generator.bestBid() + generator.bestAsk()) / 2;
            }
            if (roll < 0.5) {
                boolean buy = random.nextBoolean();
                long offset = 1 + random.nextInt(LEVELS_PER_SIDE);
                s.kind[i] = buy ? LIMIT_BUY : LIMIT_SELL;
                s.price[i] = buy ? mid - offset : mid + offset;
                s.size[i] = 1 + random.nextInt(10);
            } else if (roll < 0.6) {
                boolean buy = random.nextBoolean();
                long reach = random.nextInt(3);
                long far = generator.best(buy ? Side.SELL : Side.BUY);
                s.kind[i] = buy ? LIMIT_BUY : LIMIT_SELL;
                s.price[i] = far == OrderBook.NO_PRICE ? mid : buy ? far + reach : far - reach;
                s.size[i] = takerSize(random, generator.orderCount());
            } else if (roll < 0.7) {
                s.kind[i] = random.nextBoolean() ? MARKET_BUY : MARKET_SELL;
                s.size[i] = takerSize(random, generator.orderCount());
            } else {
                s.kind[i] = CANCEL;
                long target = -1;
                while (liveCount > 0 && target < 0) {
                    int pick = random.nextInt(liveCount);
                    long candidate = live[pick];
                    live[pick] = live[--liveCount];
                    if (generator.contains(candidate)) {
                        target = candidate;
                    }
                }
                s.id[i] = target < 0 ? nextId + 1_000_000_000L : target;
            }
            if (s.kind[i] != CANCEL) {
                s.id[i] = nextId++;
            }
            s.apply(generator, i);
            if (s.kind[i] != CANCEL && generator.contains(s.id[i])) {
                live[liveCount++] = s.id[i];
            }
        }
        return s;
    }

    /**
     * Uniform in [1, max], where max grows with the square of depth over its target: the feedback that
     * holds depth near {@link #ORDERS_PER_SIDE} per side.
     */
    private static long takerSize(SplittableRandom random, int orders) {
        double load = orders / (2.0 * ORDERS_PER_SIDE);
        int max = (int) Math.max(2, Math.min(200, Math.round(16 * load * load)));
        return 1 + random.nextInt(max);
    }
}
