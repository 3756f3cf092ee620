package backstop.agents;

import backstop.agents.populations.Populations;
import backstop.agents.arbitrage.BasisArbitrageur;
import backstop.agents.keepers.Keeper;
import backstop.agents.params.Dist;
import backstop.model.agent.AgentFactory;
import backstop.model.sim.BackstopModel;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventLog;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.liquidation.AuctionTerms;
import backstop.protocol.liquidation.DutchAuctionLiquidation;
import backstop.protocol.liquidation.StairstepExponentialDecrease;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keepers that buy Dutch-auction lots, and arbitrageurs that carry funding. */
class AuctionAndCarryTest {
    @Test
    void keepersBuyAuctionLotsAtADiscountAndAuctionsSettle() {
        EventLog log = new EventLog();
        // Maker terms with a faster stairstep (1% every 5 s) so auctions reach the oracle within the crash.
        BackstopModel model = new BackstopModel(8, TestWorlds.crash(900, 0.25, 300, 1),
                m -> ProtocolConfig.builder(m)
                        .liquidation(new DutchAuctionLiquidation(new StairstepExponentialDecrease(990_000, 5), AuctionTerms.yfiA(), false))
                        .backstopVaultSeed(Amounts.micros(20_000_000))
                        .build(),
                TestWorlds.populations(300, new Dist.Constant(1_000)), log);
        model.runToEnd();
        assertEquals(0, model.world().protocol().ledger().total());
        long takes = model.agents().stream().filter(a -> a instanceof Keeper).mapToLong(a -> ((Keeper) a).takes()).sum();
        long auctionTakes = log.of(ProtocolEvent.PositionTransfer.class).stream().filter(t -> t.kind().equals("auction-take")).count();
        assertTrue(takes > 0 && auctionTakes > 0, "keepers bid (" + takes + ") and lots changed hands (" + auctionTakes + ")");
        assertTrue(log.of(ProtocolEvent.LiquidationSettled.class).stream().anyMatch(s -> s.sizeClosed() > 0), "auctions settle");
    }

    @Test
    void carryArbitrageursHoldTheSideThatReceivesFunding() {
        List<AgentFactory> populations = new ArrayList<>(TestWorlds.populations(300, new Dist.Constant(1_000)).stream()
                .filter(p -> !(p instanceof Populations.Arbitrageurs)).toList());
        populations.add(new Populations.Arbitrageurs("carry", 2, 0, new Dist.Constant(5_000_000), new Dist.Constant(0.01),
                new Dist.Constant(20_000), new Dist.Constant(2_000_000), new Dist.Constant(5), new Dist.Constant(0.05), null,
                new Dist.Constant(0.00001)));
        EventLog log = new EventLog();
        // No crash: a long-biased crowd keeps the perp above the index, so longs pay funding.
        BackstopModel model = new BackstopModel(9, TestWorlds.crash(4_000, 0.0001, 300, 1), ProtocolConfig::basic, populations, log);
        model.runToEnd();
        assertEquals(0, model.world().protocol().ledger().total());
        assertTrue(log.of(ProtocolEvent.FundingPaid.class).stream().anyMatch(f -> f.ratePpb() > 0), "longs paid funding");
        double carryPosition = model.agents().stream().filter(a -> a instanceof BasisArbitrageur)
                .mapToDouble(a -> model.world().protocol().accounts().size(((BasisArbitrageur) a).account(), 0)).sum();
        assertTrue(carryPosition < 0, "the carry arbitrageurs are short the perp: " + carryPosition);
    }
}
