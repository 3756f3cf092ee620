package backstop.agents;

import backstop.agents.keepers.Keeper;
import backstop.agents.populations.Populations;
import backstop.model.agent.AgentFactory;
import backstop.model.sim.BackstopModel;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventLog;
import backstop.protocol.event.EventSink;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.liquidation.DutchAuctionLiquidation;
import backstop.protocol.liquidation.FlipAuctionLiquidation;
import backstop.protocol.liquidation.FlipTerms;
import backstop.protocol.liquidation.LiquidationPolicy;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keepers in Maker LIQ-1.2 flip auctions ({@code flip_discount}): they bite and bid through transactions, win lots and
 * pay for it; without a flip discount they neither bite nor bid (Cat pays no reward); and under a Dutch design the
 * flip discount changes nothing.
 */
class FlipKeeperTest {
    private static final long BLOCKS = 1_500;

    private static List<AgentFactory> agents(Double flipDiscount) {
        List<AgentFactory> agents = new ArrayList<>();
        for (AgentFactory f : TestWorlds.populations(300)) {
            agents.add(f instanceof Populations.Keepers k ? new Populations.Keepers(k.name(), k.count(), k.capital(),
                    k.rewardRate(), k.bidShare(), k.minProfit(), k.gasPerCall(), k.maxCallsPerBlock(), k.wakeSeconds(),
                    k.latency(), k.gasBudget(), k.auctionDiscount(), k.waitSeconds(), flipDiscount) : f);
        }
        return agents;
    }

    private static BackstopModel run(Supplier<LiquidationPolicy> policy, Double flipDiscount, EventSink sink) {
        BackstopModel model = new BackstopModel(5, TestWorlds.crash(BLOCKS, 0.4, 600, 6),
                m -> ProtocolConfig.builder(m).liquidation(policy.get()).backstopVaultSeed(Amounts.micros(5_000_000))
                        .insuranceFundSeed(Amounts.micros(1_000_000)).build(),
                agents(flipDiscount), sink);
        model.start();
        for (long block = 0; block < BLOCKS; block++) {
            model.schedule.step(model);
        }
        return model;
    }

    private static Supplier<LiquidationPolicy> flip() {
        // ETH-A's terms with a 1 BTC lump and a 60 s ttl, so that lots are dealt within the short run
        return () -> new FlipAuctionLiquidation(new FlipTerms(1_030_000, 60, 21_600, 130_000, 1), false);
    }

    @Test
    void keepersBiteBidAndWinLotsThroughTransactions() {
        EventLog log = new EventLog();
        BackstopModel model = run(flip(), 0.05, log);
        Set<Integer> keepers = model.agents().stream().filter(a -> a instanceof Keeper)
                .map(a -> ((Keeper) a).account()).collect(Collectors.toSet());
        List<ProtocolEvent.Liquidation> bites = log.of(ProtocolEvent.Liquidation.class).stream()
                .filter(l -> l.policy().equals(FlipAuctionLiquidation.NAME)).toList();
        assertTrue(!bites.isEmpty() && bites.stream().allMatch(l -> keepers.contains(l.liquidator())), "keepers bite");
        List<ProtocolEvent.AuctionBid> bids = log.of(ProtocolEvent.AuctionBid.class);
        assertTrue(!bids.isEmpty() && bids.stream().allMatch(b -> keepers.contains(b.bidder())), "keepers bid");
        List<ProtocolEvent.AuctionDealt> deals = log.of(ProtocolEvent.AuctionDealt.class);
        assertTrue(!deals.isEmpty() && deals.stream().allMatch(d -> keepers.contains(d.winner())), "and win lots");
        long sent = model.agents().stream().filter(a -> a instanceof Keeper).mapToLong(a -> ((Keeper) a).flipBids()).sum();
        assertTrue(sent >= bids.size(), "every accepted bid was one a keeper sent: " + sent + " sent, " + bids.size());
        for (Integer k : keepers) {
            assertTrue(model.world().protocol().ledger().balance(k) >= 0, "a keeper locks only cash it has: " + k);
        }
    }

    @Test
    void withoutAFlipDiscountKeepersNeitherBiteNorBid() {
        EventLog log = new EventLog();
        run(flip(), 0.0, log);
        assertEquals(0, log.of(ProtocolEvent.AuctionBid.class).size());
        assertEquals(0, log.of(ProtocolEvent.Liquidation.class).size(), "Cat pays no reward: nothing to call for");
    }

    @Test
    void underADutchDesignTheFlipDiscountChangesNothing() {
        Supplier<LiquidationPolicy> dutch = () -> DutchAuctionLiquidation.makerYfiA(false);
        long with = run(dutch, 0.05, EventSink.NONE).world().protocol().stateHash();
        long without = run(dutch, 0.0, EventSink.NONE).world().protocol().stateHash();
        assertEquals(without, with);
    }
}
