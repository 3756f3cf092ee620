package backstop.protocol.waterfall;

import backstop.protocol.ProtocolTestAccess;
import backstop.protocol.Invariants;
import backstop.protocol.Protocol;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.ProtocolDriver;
import backstop.protocol.event.EventLog;
import backstop.protocol.event.EventSink;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.market.FundingParams;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A protocol with helpers for loss-waterfall tests: accounts, trades at a price, time, and planted deficits. */
final class WaterfallFixture {
    final EventLog log = new EventLog();
    /** Told of every event right after the log, while the protocol is in the state that produced it. */
    final List<EventSink> watchers = new ArrayList<>();
    final Protocol p;
    private final ProtocolDriver driver;

    WaterfallFixture(ProtocolConfig config) {
        this.p = new Protocol(config, e -> {
            log.accept(e);
            for (EventSink w : watchers) {
                w.accept(e);
            }
        });
        driver = new ProtocolDriver(p);
    }

    /** $0.01 tick, 1-unit lots (10,000 micros per lot-tick), 10% / 5% margin, no fees or funding. */
    static MarketSpec market(int id) {
        return MarketSpec.builder(id, "X" + id, "0.01", "1").margin(100_000, 50_000).funding(FundingParams.NONE).build();
    }

    /** One such market, this waterfall, and an insurance fund seeded with {@code insuranceUnits} dollars. */
    static WaterfallFixture of(List<LossAbsorber> waterfall, String insuranceUnits) {
        return new WaterfallFixture(ProtocolConfig.builder(List.of(market(0))).waterfall(waterfall)
                .insuranceFundSeed(Amounts.micros(insuranceUnits)).build());
    }

    int open(String depositUnits) {
        int id = (int) p.submit(new Tx.OpenAccount(0, -1, 0)).id();
        if (Amounts.micros(depositUnits) > 0) {
            assertTrue(p.submit(new Tx.Deposit(id, Amounts.micros(depositUnits))).ok());
        }
        return id;
    }

    long ticks(int market, String price) {
        return new BigDecimal(price).divide(p.market(market).spec().tickSize()).longValueExact();
    }

    void price(int market, String price) {
        p.setOraclePrice(market, ticks(market, price), 0);
    }

    /** The seller rests a limit sell, the buyer takes it: one fill of {@code lots} at exactly this price. */
    void trade(int buyer, int seller, int market, String price, long lots) {
        driver.cross(buyer, seller, market, ticks(market, price), lots);
    }

    /** Ends this block and starts the next one {@code seconds} later. */
    void nextBlock(long seconds) {
        driver.nextBlock(seconds);
    }

    /** A flat account whose cash is planted at −{@code units} (moved out to the external pot), then settled. */
    int settleDeficit(String units) {
        int id = open("0");
        ProtocolTestAccess.context(p).post(id, p.externalPot(), Amounts.micros(units), PostingReason.WITHDRAWAL);
        ProtocolTestAccess.context(p).settleDeficit(id, 0);
        return id;
    }

    long balance(int pot) {
        return p.ledger().balance(pot);
    }

    long size(int account) {
        return p.accounts().size(account, 0);
    }

    /** The ADL offsets so far. */
    List<ProtocolEvent.PositionTransfer> adl() {
        List<ProtocolEvent.PositionTransfer> out = new ArrayList<>();
        for (ProtocolEvent.PositionTransfer t : log.of(ProtocolEvent.PositionTransfer.class)) {
            if (t.kind().equals(AutoDeleveraging.KIND)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Lots moved by ADL so far. */
    long adlLots() {
        long lots = 0;
        for (ProtocolEvent.PositionTransfer t : adl()) {
            lots += Math.abs(t.size());
        }
        return lots;
    }

    /** Shares of the waterfall by absorber, for the bad debt {@code debt}. */
    List<ProtocolEvent.LossAbsorbed> shares(ProtocolEvent.BadDebt debt) {
        List<ProtocolEvent.LossAbsorbed> out = new ArrayList<>();
        for (ProtocolEvent.LossAbsorbed s : log.of(ProtocolEvent.LossAbsorbed.class)) {
            if (s.causeId() == debt.id()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Σ pots = 0, Σ size = 0 and open interest = Σ longs in every market. */
    void assertConserved() {
        Invariants.assertConserved(p, "");
    }
}
