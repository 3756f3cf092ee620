package backstop.agents;

import backstop.agents.populations.Populations;
import backstop.agents.arbitrage.BasisArbitrageur;
import backstop.agents.params.Dist;
import backstop.model.market.ImpactShape;
import backstop.model.world.WorldSpec;
import backstop.model.agent.AgentFactory;
import backstop.model.sim.BackstopModel;
import backstop.model.world.World;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventLog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feedback loop (DESIGN.md §5): liquidation selling depresses the perp, arbitrageurs buy it and sell the
 * external venue the oracle reads, the oracle falls further and liquidates more. With arbitrageurs the mark's
 * drawdown exceeds the exogenous one (amplification > 1) and cascades run at least two levels deep.
 */
class FeedbackLoopTest {
    private record Outcome(double amplification, int maxDepth, int maxSize) {
    }

    private static Outcome crash(boolean arbitrageurs) {
        List<AgentFactory> populations = new java.util.ArrayList<>(TestWorlds.populations(300, new Dist.Constant(1_000)).stream()
                .filter(p -> !(p instanceof Populations.Arbitrageurs))
                .toList());
        if (arbitrageurs) {
            populations.add(new Populations.Arbitrageurs("arbitrageurs", 3, 0, new Dist.Constant(20_000_000),
                    new Dist.Constant(0.001), new Dist.Constant(200_000), new Dist.Constant(20_000_000), new Dist.Constant(1),
                    new Dist.Constant(0.05), null, null));
        }
        // A thin spot venue next to a leveraged perp: the setting of the Oct-2025 alt cascades.
        WorldSpec.External thin = new WorldSpec.External(ImpactShape.SQUARE_ROOT, 0.05, 500_000, 300);
        BackstopModel model = new BackstopModel(5, TestWorlds.crash(900, 0.25, 300, 1, thin), ProtocolConfig::basic, populations,
                new EventLog());
        double[] peaks = {0, 0};
        double[] drawdowns = {0, 0};
        model.onRecord(s -> {
            World w = model.world();
            var m = w.protocol().market(0);
            double[] now = {w.prices().price(0), m.spec().price(m.markPrice())};
            for (int i = 0; i < 2; i++) {
                peaks[i] = Math.max(peaks[i], now[i]);
                drawdowns[i] = Math.max(drawdowns[i], 1 - now[i] / peaks[i]);
            }
        });
        model.runToEnd();
        assertEquals(0, model.world().protocol().ledger().total());
        assertEquals(arbitrageurs, model.agents().stream().anyMatch(a -> a instanceof BasisArbitrageur));
        return new Outcome(drawdowns[1] / drawdowns[0], model.cascades().maxDepth(), model.cascades().maxSize());
    }

    @Test
    void liquidationsReachingTheVenueAmplifyTheFallAndChainIntoCascades() {
        Outcome loop = crash(true);
        Outcome isolated = crash(false);
        assertTrue(loop.amplification() > 1.0, "the mark falls further than the exogenous price: " + loop);
        assertTrue(loop.amplification() > isolated.amplification(), loop + " vs without arbitrageurs " + isolated);
        assertTrue(loop.maxDepth() >= 2, "liquidations trigger liquidations: " + loop);
    }
}
