package backstop.agents;

import backstop.agents.params.Dist;
import backstop.agents.populations.Populations;
import backstop.model.agent.AgentFactory;
import backstop.model.sim.BackstopModel;
import backstop.protocol.ProtocolConfig;
import backstop.agents.keepers.Keeper;
import backstop.protocol.event.EventSink;
import backstop.protocol.liquidation.FullCloseLiquidation;
import backstop.protocol.liquidation.PenaltySplit;
import backstop.protocol.liquidation.SlippageLimit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A late cleaner ({@code wait_seconds}) calls an account only once it has been liquidatable that long: with every keeper
 * waiting 20 s, the first liquidation call comes 20 s after the first call of the same seed with keepers
 * that call at once. Until then the two worlds are the same, so the first account is liquidatable at the same moment in
 * both. (A 120 s wait in this fast crash gives no call before the run's last second, presumably because by then the
 * accounts have no margin left to pay a reward from, which a keeper reads before it calls.)
 */
class LateKeeperTest {
    private static double firstLiquidationSeconds(Double waitSeconds) {
        List<AgentFactory> agents = new ArrayList<>();
        for (AgentFactory f : TestWorlds.populations(300, new Dist.Constant(1_000))) {
            agents.add(f instanceof Populations.Keepers k ? new Populations.Keepers(k.name(), k.count(), k.capital(),
                    k.rewardRate(), k.bidShare(), k.minProfit(), k.gasPerCall(), k.maxCallsPerBlock(), k.wakeSeconds(),
                    k.latency(), k.gasBudget(), k.auctionDiscount(), waitSeconds, k.flipDiscount()) : f);
        }
        BackstopModel model = new BackstopModel(11, TestWorlds.crash(1_200, 0.5, 800, 1),
                m -> ProtocolConfig.builder(m)
                        .liquidation(new FullCloseLiquidation(new PenaltySplit(10_000, 500_000), new SlippageLimit(100_000), false))
                        .build(),
                agents, EventSink.NONE);
        model.start();
        // The first block after which a keeper has sent a liquidation call (1 s blocks: its end time in seconds).
        for (long block = 1; block <= 1_200; block++) {
            model.schedule.step(model);
            long calls = model.agents().stream().filter(a -> a instanceof Keeper).mapToLong(a -> ((Keeper) a).calls()).sum();
            if (calls > 0) {
                return block;
            }
        }
        throw new AssertionError("no keeper called with wait " + waitSeconds);
    }

    @Test
    void lateCleanersLeaveAnAccountToOthersForTheirWait() {
        double atOnce = firstLiquidationSeconds(null);
        double late = firstLiquidationSeconds(20.0);
        assertTrue(late >= atOnce + 20 - 2, "the first call waits its 20 s: at once " + atOnce + " s, late " + late + " s");
        assertTrue(late <= atOnce + 20 + 5, "and then comes: at once " + atOnce + " s, late " + late + " s");
    }
}
