package backstop.model.metrics;

import backstop.protocol.Protocol;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.book.Side;
import backstop.protocol.event.EventSink;
import backstop.protocol.market.FundingParams;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValueFlowsTest {
    @Test
    void tradingPnlAndFeesFlowBetweenClassesAndSumToEachClassesGain() {
        MarketSpec btc = MarketSpec.builder(0, "BTC", "0.1", "0.001").fees(-100, 500).funding(FundingParams.NONE).build();
        ValueFlows[] flows = new ValueFlows[1];
        EventSink sink = e -> {
            if (flows[0] != null) {
                flows[0].accept(e);
            }
        };
        Protocol p = new Protocol(ProtocolConfig.basic(List.of(btc)), sink);
        flows[0] = new ValueFlows(p, tag -> tag == 0 ? "trader" : "market_maker");
        p.beginBlock(1, 0);
        p.setOraclePrice(0, btc.ticks(20_000), 0);
        int trader = (int) p.submit(new Tx.OpenAccount(0, -1, 0)).id();
        int maker = (int) p.submit(new Tx.OpenAccount(1, -1, 1)).id();
        p.submit(new Tx.Deposit(trader, Amounts.micros(10_000)));
        p.submit(new Tx.Deposit(maker, Amounts.micros(100_000)));
        p.submit(Tx.PlaceOrder.limit(maker, 0, Side.SELL, btc.ticks(20_000), btc.lots(1)));
        p.submit(Tx.PlaceOrder.ioc(trader, 0, Side.BUY, btc.ticks(20_000), btc.lots(1)));
        p.setOraclePrice(0, btc.ticks(21_000), 0);
        // The trader bought 1 BTC from the maker at 20,000; at 21,000 the maker → trader flow is 1,000.
        // Fees: the trader paid 10 (5 bp) to the treasury, which paid the maker a 2 rebate (1 bp).
        List<ValueFlows.Flow> m = flows[0].matrix();
        assertEquals(List.of(
                new ValueFlows.Flow("fee-treasury", "market_maker", 2.0),
                new ValueFlows.Flow("market_maker", "trader", 1_000.0),
                new ValueFlows.Flow("trader", "fee-treasury", 10.0)), m);
        double traderGain = Amounts.toUnits(p.risk(trader).value()) - 10_000;
        double makerGain = Amounts.toUnits(p.risk(maker).value()) - 100_000;
        assertEquals(traderGain, flows[0].netInflow("trader"), 1e-9);
        assertEquals(makerGain, flows[0].netInflow("market_maker"), 1e-9);
        assertEquals(8.0, flows[0].netInflow("fee-treasury"), 1e-9);
    }
}
