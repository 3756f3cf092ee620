package backstop.protocol;

import backstop.protocol.event.EventLog;
import backstop.protocol.market.FundingParams;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A protocol with helpers to open accounts, trade at a price and move time, in quote and base units. */
final class Fixture {
    final EventLog log = new EventLog();
    final Protocol p;
    private final ProtocolDriver driver;

    Fixture(ProtocolConfig config) {
        this.p = new Protocol(config, log);
        driver = new ProtocolDriver(p);
    }

    /** BTC-like: $0.1 tick, 0.001 lot (100 micros per lot-tick), 10% / 5% margin, no funding, no fees. */
    static MarketSpec.Builder btc(int id) {
        return MarketSpec.builder(id, "BTC-" + id, "0.1", "0.001").margin(100_000, 50_000).funding(FundingParams.NONE);
    }

    static Fixture of(MarketSpec... markets) {
        return new Fixture(ProtocolConfig.basic(List.of(markets)));
    }

    int open(String depositUnits) {
        TxReceipt r = p.submit(new Tx.OpenAccount(0, -1, 0));
        int id = (int) r.id();
        if (Amounts.micros(depositUnits) > 0) {
            assertTrue(p.submit(new Tx.Deposit(id, Amounts.micros(depositUnits))).ok());
        }
        return id;
    }

    int openIsolated(int market, String depositUnits) {
        int id = (int) p.submit(new Tx.OpenAccount(0, market, 0)).id();
        assertTrue(p.submit(new Tx.Deposit(id, Amounts.micros(depositUnits))).ok());
        return id;
    }

    long ticks(int market, double price) {
        return p.market(market).spec().ticks(price);
    }

    long lots(int market, double base) {
        return p.market(market).spec().lots(base);
    }

    void price(int market, double price) {
        p.setOraclePrice(market, ticks(market, price), 0);
    }

    /** The seller rests a limit sell and the buyer takes it with an IOC buy: one fill at exactly this price. */
    void trade(int buyer, int seller, int market, double price, double base) {
        driver.cross(buyer, seller, market, ticks(market, price), lots(market, base));
    }

    /** Ends this block and starts the next one {@code seconds} later. */
    void nextBlock(long seconds) {
        driver.nextBlock(seconds);
    }

    long balance(int account) {
        return p.ledger().balance(account);
    }

    /** The invariants that must hold after every operation. */
    void assertInvariants() {
        Invariants.assertConserved(p, "");
    }
}
