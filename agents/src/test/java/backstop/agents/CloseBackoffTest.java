package backstop.agents;

import backstop.agents.params.Dist;
import backstop.agents.traders.LeveragedTrader;
import backstop.model.sim.BackstopModel;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventSink;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A leveraged trader whose close fills nothing (the makers have withdrawn from a crashing, gas-spiked market) reads
 * its receipt and backs off — 1, 2, 4, … wakes — instead of re-sending into the empty book on every wake, the retry
 * storm that decided Black Thursday's outcome before.
 */
class CloseBackoffTest {
    @Test
    void unfilledClosesBackOffExponentially() {
        long blocks = 3_000;
        // Makers pull their quotes as soon as volatility passes 0.5: the book empties during the fall.
        BackstopModel model = new BackstopModel(3, TestWorlds.crash(blocks, 0.5, 1_200, 5), ProtocolConfig::basic,
                TestWorlds.populations(300, new Dist.Constant(0.5)), EventSink.NONE);
        model.runToEnd();
        assertEquals(0, model.world().protocol().ledger().total());
        List<LeveragedTrader> traders = model.agents().stream().filter(a -> a instanceof LeveragedTrader)
                .map(a -> (LeveragedTrader) a).toList();
        long unfilled = traders.stream().mapToLong(LeveragedTrader::closesUnfilled).sum();
        assertTrue(unfilled > 50, "the test must produce closes into an empty book: " + unfilled);
        // Wakes are ≥ 10 s apart, so a trader wakes at most blocks / 10 times; backing off 1, 2, 4, … 64 wakes lets
        // at most 7 unfilled closes in the first 127 wakes and one per 64 wakes after.
        long maxWakes = blocks / 10;
        long bound = 7 + maxWakes / 64 + 1;
        for (LeveragedTrader t : traders) {
            assertTrue(t.closesUnfilled() <= bound, "trader " + t.id() + " sent " + t.closesUnfilled()
                    + " unfilled closes (of " + t.closesSent() + "), more than " + bound);
        }
    }
}
