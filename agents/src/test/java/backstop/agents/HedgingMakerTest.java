package backstop.agents;

import backstop.agents.makers.MarketMaker;
import backstop.agents.params.Dist;
import backstop.agents.populations.Populations;
import backstop.model.agent.AgentFactory;
import backstop.model.sim.BackstopModel;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventSink;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A maker with {@code hedge_ratio} h keeps −h × its perp inventory on the external venue: through a 20% fall in which
 * it takes the noise traders' flow, its venue leg offsets its perp inventory (but for the fills since its last look),
 * its payoff counts the venue leg's PnL, and the money on the ledger still adds up.
 */
class HedgingMakerTest {
    private static final long BLOCKS = 900;

    @Test
    void aHedgingMakerHoldsTheOppositeOfItsInventoryOnTheVenue() {
        BackstopModel hedged = world(new Dist.Constant(1.0));
        BackstopModel bare = world(null);
        for (MarketMaker m : makers(hedged)) {
            var spec = hedged.world().protocol().market(0).spec();
            double perp = spec.base(hedged.world().protocol().accounts().size(m.account(), 0));
            // Fills after its last look in the final block are not hedged yet: the gap is at most a block's flow, here
            // well under a quarter of the inventory it built through the fall.
            assertTrue(Math.abs(perp) > 1, "it took the flow: " + perp);
            assertTrue(Math.abs(m.externalBase() + perp) < 0.25 * Math.abs(perp),
                    "venue leg " + m.externalBase() + " against perp inventory " + perp);
            assertNotEquals(0.0, m.externalPnl(hedged.world()), "the venue leg has a PnL");
            assertEquals(hedged.world().claims().payoff(m.id()) + m.externalPnl(hedged.world()), m.payoff(hedged.world()), 1e-6);
        }
        assertTrue(makers(hedged).stream().anyMatch(m -> Math.abs(m.externalBase()) > 0), "somebody hedged");
        for (MarketMaker m : makers(bare)) {
            assertEquals(0.0, m.externalBase(), "without hedge_ratio a maker never trades the venue");
            assertEquals(0.0, m.externalPnl(bare.world()));
        }
    }

    private static BackstopModel world(Dist hedgeRatio) {
        List<AgentFactory> populations = List.of(
                new Populations.MarketMakers("makers", 2, 0, new Dist.Constant(2_000_000), 5, new Dist.Constant(40_000),
                        new Dist.Constant(5), 0.5, 0.5, 0.003, new Dist.Constant(500_000), new Dist.Constant(1e6), 2, 0.94,
                        new Dist.Constant(0.05), null, null, hedgeRatio),
                new Populations.NoiseTraders("traders/noise", 50, 0, new Dist.Constant(20_000), new Dist.Uniform(500, 5_000), 3,
                        new Dist.Uniform(5, 30), new Dist.Constant(0.2), null));
        BackstopModel model = new BackstopModel(5, TestWorlds.crash(BLOCKS, 0.2, 300, 1), ProtocolConfig::basic,
                populations, EventSink.NONE);
        model.runToEnd();
        assertEquals(0, model.world().protocol().ledger().total());
        return model;
    }

    private static List<MarketMaker> makers(BackstopModel model) {
        return model.agents().stream().filter(a -> a instanceof MarketMaker).map(a -> (MarketMaker) a).toList();
    }
}
