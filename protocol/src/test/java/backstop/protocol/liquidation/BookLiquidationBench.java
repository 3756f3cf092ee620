package backstop.protocol.liquidation;

import backstop.protocol.Invariants;
import backstop.protocol.Protocol;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.ProtocolDriver;
import backstop.protocol.book.Side;
import backstop.protocol.event.EventLog;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.market.FundingParams;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A protocol for book-liquidation tests, driven in ticks and lots. Its markets quote in cents ($0.01 ticks)
 * with one-unit lots, so one lot at one tick is 10,000 quote micros and a price of 9,400 ticks is $94.
 */
final class BookLiquidationBench {
    final EventLog log = new EventLog();
    final Protocol p;
    final int maker;
    private final Map<Long, Long> blockTimes = new HashMap<>();
    private final ProtocolDriver driver;

    BookLiquidationBench(LiquidationPolicy policy, long insuranceSeedUnits, MarketSpec... markets) {
        this(policy, insuranceSeedUnits, 0, markets);
    }

    /** With a backstop vault seeded with {@code vaultSeedUnits} of quote (0: none). */
    BookLiquidationBench(LiquidationPolicy policy, long insuranceSeedUnits, long vaultSeedUnits, MarketSpec... markets) {
        ProtocolConfig config = ProtocolConfig.builder(List.of(markets)).liquidation(policy)
                .insuranceFundSeed(Amounts.micros(insuranceSeedUnits))
                .backstopVaultSeed(Amounts.micros(vaultSeedUnits)).build();
        this.p = new Protocol(config, log);
        driver = new ProtocolDriver(p);
        blockTimes.put(driver.block(), driver.time());
        this.maker = open("100000000");
        for (MarketSpec m : markets) {
            p.setOraclePrice(m.id(), 10_000, 0);
        }
    }

    /** $0.01 ticks, unit lots, no fees, no funding, initial and maintenance fractions as given (ppm). */
    static MarketSpec market(int id, long initialPpm, long maintenancePpm) {
        return MarketSpec.builder(id, "M" + id, "0.01", "1").margin(initialPpm, maintenancePpm)
                .funding(FundingParams.NONE).build();
    }

    /** A cross-margin account holding {@code units} of quote. */
    int open(String units) {
        int id = (int) p.submit(new Tx.OpenAccount(0, -1, 0)).id();
        assertTrue(p.submit(new Tx.Deposit(id, Amounts.micros(units))).ok());
        return id;
    }

    void price(int market, long ticks) {
        p.setOraclePrice(market, ticks, 0);
    }

    /** {@code trader} takes {@code lots} (signed: positive buys) from the maker at {@code ticks}, all filled. */
    void position(int trader, int market, long lots, long ticks) {
        Side makerSide = lots > 0 ? Side.SELL : Side.BUY;
        assertTrue(p.submit(Tx.PlaceOrder.limit(maker, market, makerSide, ticks, Math.abs(lots))).ok());
        TxReceipt take = p.submit(Tx.PlaceOrder.ioc(trader, market, makerSide.opposite(), ticks, Math.abs(lots)));
        assertEquals(Math.abs(lots), take.filled(), "opening fill");
    }

    /** The maker rests a bid. */
    void bid(int market, long ticks, long lots) {
        assertTrue(p.submit(Tx.PlaceOrder.limit(maker, market, Side.BUY, ticks, lots)).ok());
    }

    /** The maker rests an ask. */
    void ask(int market, long ticks, long lots) {
        assertTrue(p.submit(Tx.PlaceOrder.limit(maker, market, Side.SELL, ticks, lots)).ok());
    }

    /** Ends this block (liquidations run) and starts the next one {@code seconds} later. */
    void nextBlock(long seconds) {
        driver.nextBlock(seconds);
        blockTimes.put(driver.block(), driver.time());
        assertEquals(0, p.ledger().total(), "Σ pots after block " + (driver.block() - 1));
    }

    /** Time (s) of a block this bench has started. */
    long time(long blockNumber) {
        return blockTimes.get(blockNumber);
    }

    long size(int account, int market) {
        return p.accounts().size(account, market);
    }

    long value(int account) {
        return p.risk(account).value();
    }

    long insurance() {
        return p.ledger().balance(p.insuranceFundPot(0));
    }

    /** Sizes (signed) of every liquidation order so far, in order. */
    List<Long> liquidationSizes() {
        List<Long> out = new ArrayList<>();
        for (ProtocolEvent.Liquidation l : log.of(ProtocolEvent.Liquidation.class)) {
            out.add(l.size());
        }
        return out;
    }

    /** Lots closed by every liquidation so far, in order. */
    List<Long> closedSizes() {
        List<Long> out = new ArrayList<>();
        for (ProtocolEvent.LiquidationSettled s : log.of(ProtocolEvent.LiquidationSettled.class)) {
            out.add(s.sizeClosed());
        }
        return out;
    }

    /** Conservation and Σ size = 0 in every market. */
    void assertInvariants() {
        Invariants.assertConserved(p, "");
    }
}
