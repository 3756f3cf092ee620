package backstop.protocol.risk;

import backstop.protocol.Protocol;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.book.Side;
import backstop.protocol.event.EventSink;
import backstop.protocol.margin.LiquidationPrice;
import backstop.protocol.margin.MarginCalculator;
import backstop.protocol.market.FundingParams;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a price move costs the {@link RiskEngine}: finding the accounts whose triggers it crosses and valuing
 * them exactly, against valuing every account. The population is leveraged longs whose liquidation prices
 * are spread uniformly from about 6% to 21% below the price; the price drops to cross 1% of them, or a fixed
 * 100, and comes back, and one operation is one of those two moves. Run with
 * {@code ./bench protocol RiskEngineBenchmark -f 1 -wi 3 -w 2 -i 5 -r 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class RiskEngineBenchmark {
    static final int MARKET = 0;
    /** $100,000 in ticks of $0.1: enough ticks that a million liquidation prices rarely share one. */
    static final long START_PRICE = 1_000_000;
    /** 0.01 BTC, $1,000 of notional at the start price. */
    static final long TRADER_LOTS = 10;
    static final long SEED = 0x5EED_0415L;
    static final int FIXED_CROSSING = 100;

    @Param({"10000", "100000", "1000000"})
    int accounts;

    private Protocol protocol;
    private long onePercentLevel;
    private long hundredLevel;

    @Setup(Level.Trial)
    public void populate() {
        Population population = Population.leveragedLongs(accounts, SEED);
        protocol = population.protocol;
        onePercentLevel = population.levelCrossing(accounts / 100);
        hundredLevel = population.levelCrossing(FIXED_CROSSING);
        checkCrossing(onePercentLevel, accounts / 100);
        checkCrossing(hundredLevel, FIXED_CROSSING);
    }

    /** Down to the 1% level, then back: the crossed accounts are found and valued, then re-valued and re-indexed. */
    @Benchmark
    @OperationsPerInvocation(2)
    public int priceMoveCrossingOnePercent() {
        return roundTrip(onePercentLevel);
    }

    /** The same with about 100 accounts crossed whatever the population: cost follows accounts crossed. */
    @Benchmark
    @OperationsPerInvocation(2)
    public int priceMoveCrossingHundredAccounts() {
        return roundTrip(hundredLevel);
    }

    /** The naive alternative: after a move, value every account to find the liquidatable ones. */
    @Benchmark
    public int bruteForceScan() {
        return liquidatableByScan(protocol);
    }

    /**
     * Moves the price to {@code level} and back, sweeping after each move. The accounts crossed on the way down
     * are liquidatable there; nothing liquidates them (no endBlock), so on the way back the sweep finds them
     * healthy and re-indexes them at their old triggers, and the next invocation starts from the same state.
     */
    private int roundTrip(long level) {
        RiskEngine risk = protocol.risk();
        protocol.setOraclePrice(MARKET, level, 0);
        int down = risk.sweep().length;
        protocol.setOraclePrice(MARKET, START_PRICE, 0);
        int up = risk.sweep().length;
        return down + up;
    }

    static int liquidatableByScan(Protocol protocol) {
        MarginCalculator calc = protocol.margin();
        int found = 0;
        for (int a = 0, n = protocol.accounts().count(); a < n; a++) {
            if (calc.risk(a).liquidatable()) {
                found++;
            }
        }
        return found;
    }

    /**
     * Fails the trial unless a move to {@code level} really crosses about {@code target} accounts: the engine
     * must pop and find liquidatable within a factor of 2 of the target, agree with a full scan, and leave the
     * index as it found it once the price is back.
     */
    private void checkCrossing(long level, int target) {
        RiskEngine risk = protocol.risk();
        int indexed = risk.indexSize();
        int[] popped = new int[2];
        int[] crossed = new int[2];
        // Triggers round to fire early, so a move may pop a few accounts still healthy at the level; they are
        // re-indexed at or just below it. The second trip shows the steady state that the benchmark repeats.
        for (int trip = 0; trip < 2; trip++) {
            protocol.setOraclePrice(MARKET, level, 0);
            popped[trip] = indexed - risk.indexSize();
            crossed[trip] = risk.sweep().length;
            int scanned = liquidatableByScan(protocol);
            if (scanned != crossed[trip]) {
                throw new IllegalStateException("at " + level + " the engine found " + crossed[trip]
                        + " liquidatable but a full scan finds " + scanned);
            }
            protocol.setOraclePrice(MARKET, START_PRICE, 0);
            int stillLiquidatable = risk.sweep().length;
            if (stillLiquidatable != 0 || risk.indexSize() != indexed) {
                throw new IllegalStateException("back at the start price: " + stillLiquidatable
                        + " liquidatable, index " + risk.indexSize() + " entries instead of " + indexed);
            }
        }
        for (int trip = 0; trip < 2; trip++) {
            if (crossed[trip] * 2 < target || crossed[trip] > 2 * target || popped[trip] > 2 * target) {
                throw new IllegalStateException("move to " + level + " should cross about " + target
                        + " accounts but popped " + popped[trip] + " and found " + crossed[trip] + " liquidatable");
            }
        }
        System.out.printf("accounts=%d level=%d (%.2f%% below) target=%d: popped %d then %d, liquidatable %d then %d%n",
                accounts, level, 100.0 * (START_PRICE - level) / START_PRICE, target, popped[0], popped[1],
                crossed[0], crossed[1]);
    }

    /**
     * A protocol with one BTC-like market and N leveraged longs built through transactions, and their
     * liquidation prices; also the idle population that {@link MemoryFootprint} weighs.
     */
    static final class Population {
        /** Trader deposits as a fraction of notional, in ppm: from just above the 10% initial margin to 25%. */
        private static final long MIN_DEPOSIT_PPM = 110_000;
        private static final long MAX_DEPOSIT_PPM = 250_000;

        final Protocol protocol;
        /** Each trader's liquidation price in ticks (floored), ascending. */
        private final long[] liquidationTicks;

        private Population(Protocol protocol, long[] liquidationTicks) {
            this.protocol = protocol;
            this.liquidationTicks = liquidationTicks;
        }

        /** $0.1 tick, 0.001 lot, 10% / 5% margin, no funding and no fees, so valuations are the whole story. */
        static MarketSpec market() {
            return MarketSpec.builder(MARKET, "BTC", "0.1", "0.001").margin(100_000, 50_000)
                    .funding(FundingParams.NONE).build();
        }

        static Protocol emptyProtocol() {
            Protocol p = new Protocol(ProtocolConfig.basic(List.of(market())), EventSink.NONE);
            p.beginBlock(1, 0);
            p.setOraclePrice(MARKET, START_PRICE, 0);
            return p;
        }

        /** {@code n} accounts opened and funded with $1,000 each, no positions. */
        static Protocol idle(int n) {
            Protocol p = emptyProtocol();
            for (int i = 0; i < n; i++) {
                int a = open(p);
                require(p.submit(new Tx.Deposit(a, Amounts.micros(1_000))), "deposit");
            }
            return p;
        }

        /**
         * A market maker rests one sell big enough for everyone at the start price, then {@code n} traders each
         * deposit a different amount and buy {@link #TRADER_LOTS} against it with an IOC order. Deposits are
         * stratified over [11%, 25%] of notional and dealt out in a seeded random order, so liquidation prices
         * are uniform from about 6.3% to 21% below the price and unrelated to account ids.
         */
        static Population leveragedLongs(int n, long seed) {
            Protocol p = emptyProtocol();
            long notional = p.market(MARKET).spec().notional(TRADER_LOTS, START_PRICE);
            int maker = open(p);
            // Ten times the maker's total notional: its short stays far from any trigger of its own.
            long makerNotional = Math.multiplyExact(notional, (long) n);
            require(p.submit(new Tx.Deposit(maker, Math.multiplyExact(makerNotional, 10))), "maker deposit");
            require(p.submit(Tx.PlaceOrder.limit(maker, MARKET, Side.SELL, START_PRICE, TRADER_LOTS * n)), "maker order");
            int[] rank = shuffledRanks(n, seed);
            long[] liquidation = new long[n];
            for (int i = 0; i < n; i++) {
                int trader = open(p);
                long ppm = MIN_DEPOSIT_PPM + (MAX_DEPOSIT_PPM - MIN_DEPOSIT_PPM) * rank[i] / n;
                require(p.submit(new Tx.Deposit(trader, Amounts.ppmFloor(notional, ppm))), "trader deposit");
                // IOC at the maker's price: a market order is checked as if filled at the edge of its 5% slippage
                // band, which would need a 15% deposit and cut off the most leveraged traders.
                TxReceipt buy = require(p.submit(Tx.PlaceOrder.ioc(trader, MARKET, Side.BUY, START_PRICE, TRADER_LOTS)),
                        "buy");
                if (buy.filled() != TRADER_LOTS) {
                    throw new IllegalStateException("trader " + trader + " filled " + buy.filled() + " lots");
                }
                double price = LiquidationPrice.of(trader, MARKET, p.accounts(), p.ledger(), p.markets(), p.margin());
                liquidation[i] = (long) Math.floor(price / p.market(MARKET).spec().tickSize().doubleValue());
            }
            Arrays.sort(liquidation);
            return new Population(p, liquidation);
        }

        /** The price (ticks) at or above the liquidation prices of about {@code count} traders, the highest ones. */
        long levelCrossing(int count) {
            return liquidationTicks[liquidationTicks.length - count];
        }

        private static int[] shuffledRanks(int n, long seed) {
            int[] r = new int[n];
            for (int i = 0; i < n; i++) {
                r[i] = i;
            }
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = r[i];
                r[i] = r[j];
                r[j] = t;
            }
            return r;
        }

        private static int open(Protocol p) {
            return (int) require(p.submit(new Tx.OpenAccount(0, -1, 0)), "open").id();
        }

        private static TxReceipt require(TxReceipt r, String what) {
            if (!r.ok()) {
                throw new IllegalStateException(what + " refused: " + r.result());
            }
            return r;
        }
    }
}
