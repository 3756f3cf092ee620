package backstop.agents;

import backstop.agents.makers.MarketMaker;
import backstop.agents.params.Dist;
import backstop.agents.populations.Populations;
import backstop.model.agent.Agent;
import backstop.model.agent.AgentFactory;
import backstop.model.sim.BackstopModel;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventSink;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A maker given {@code wake_seconds} (ABIDES's makers look once a minute) quotes only at its wakes: at most one
 * round of 2 × levels orders per wake, where a maker that looks every block re-quotes on every move. Counted with
 * {@link Agent#ordersSent()}, the orders among its transactions. Between wakes the wake calendar does not step it.
 */
class MakerWakeTest {
    private static final long BLOCKS = 600;
    private static final int LEVELS = 5;
    /** The start of the last block: TestWorlds.crash has 1 s blocks. */
    private static final double END_SECONDS = BLOCKS;

    @Test
    void makerWithWakeSecondsQuotesOncePerWake() {
        List<MarketMaker> every = makers(null);
        List<MarketMaker> minutely = makers(new Dist.Constant(60));
        long wakes = BLOCKS / 60 + 1;
        for (MarketMaker m : minutely) {
            assertTrue(m.ordersSent() >= 2 * LEVELS, "it quotes at its wakes: " + m.ordersSent());
            assertTrue(m.ordersSent() <= wakes * 2 * LEVELS, "at most one round per wake: " + m.ordersSent());
            assertTrue(m.ordersSent() < m.submitted(), "its other transactions cancel the previous round");
            // On the wake calendar it waits under the block of its next look, a minute on, so it costs nothing between.
            assertTrue(m.nextWake() > END_SECONDS && m.nextWake() <= END_SECONDS + 60, "next wake " + m.nextWake());
        }
        for (MarketMaker m : every) {
            assertEquals(END_SECONDS, m.nextWake(), "a maker without wake_seconds looks in every block");
        }
        long everyOrders = every.stream().mapToLong(Agent::ordersSent).sum();
        long minutelyOrders = minutely.stream().mapToLong(Agent::ordersSent).sum();
        assertTrue(everyOrders > 5 * minutelyOrders, "every block: " + everyOrders + ", every minute: " + minutelyOrders);
    }

    private static List<MarketMaker> makers(Dist wakeSeconds) {
        List<AgentFactory> populations = List.of(
                new Populations.MarketMakers("makers", 2, 0, new Dist.Constant(2_000_000), LEVELS, new Dist.Constant(40_000),
                        new Dist.Constant(5), 0.5, 0.5, 0.003, new Dist.Constant(500_000), new Dist.Constant(5), 2, 0.94,
                        new Dist.Constant(0.05), null, wakeSeconds, null),
                new Populations.NoiseTraders("traders/noise", 50, 0, new Dist.Constant(20_000), new Dist.Uniform(500, 5_000), 3,
                        new Dist.Uniform(5, 30), new Dist.Constant(0.2), null));
        BackstopModel model = new BackstopModel(5, TestWorlds.crash(BLOCKS, 0.01, 200, 1), ProtocolConfig::basic,
                populations, EventSink.NONE);
        model.runToEnd();
        assertEquals(0, model.world().protocol().ledger().total());
        return model.agents().stream().filter(a -> a instanceof MarketMaker).map(a -> (MarketMaker) a).toList();
    }
}
