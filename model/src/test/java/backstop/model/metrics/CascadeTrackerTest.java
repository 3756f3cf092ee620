package backstop.model.metrics;

import backstop.protocol.event.ProtocolEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CascadeTrackerTest {
    private static ProtocolEvent.Liquidation liq(long id, long cause, long block) {
        return new ProtocolEvent.Liquidation(id, cause, block, (int) id, 0, -10, -1, false, "full-close", 0.9);
    }

    private static ProtocolEvent.LiquidationSettled settled(long id, long liquidation, long block, long size) {
        return new ProtocolEvent.LiquidationSettled(id, liquidation, block, (int) liquidation, 0, size, size * 1_000, 0, 0);
    }

    @Test
    void liquidationsLinkedThroughAttributedOraclePricesFormOneDeepCascade() {
        CascadeTracker t = new CascadeTracker();
        t.accept(new ProtocolEvent.OraclePrice(1, 0, 1, 0, 100));           // exogenous move
        t.accept(liq(2, 1, 1));                                            // root
        t.accept(settled(3, 2, 1, 10));
        t.accept(liq(4, 1, 1));                                            // another account the same move liquidated
        t.accept(settled(5, 4, 1, 5));
        t.accept(new ProtocolEvent.OraclePrice(6, 2, 2, 0, 95));           // move attributed to liquidation 2
        t.accept(liq(7, 6, 2));                                            // depth 2
        t.accept(settled(8, 7, 2, 3));
        t.accept(new ProtocolEvent.OraclePrice(9, 7, 3, 0, 90));           // attributed to liquidation 7
        t.accept(liq(10, 9, 3));                                           // depth 3
        t.accept(settled(11, 10, 3, 0));                                   // found no liquidity: not counted
        t.accept(liq(12, 9, 4));                                           // a retry, same cause
        t.accept(settled(13, 12, 4, 2));
        t.accept(new ProtocolEvent.OraclePrice(14, 0, 9, 0, 80));          // an unrelated exogenous move
        t.accept(liq(15, 14, 9));
        t.accept(settled(16, 15, 9, 1));
        assertEquals(2, t.cascades().size());
        CascadeTracker.Cascade first = t.cascades().iterator().next();
        assertEquals(1, first.root(), "rooted at the exogenous price move");
        assertEquals(4, first.size(), "settled steps that filled: 10, 5, 3 and 2 lots");
        assertEquals(3, first.depth());
        assertEquals(1, first.firstBlock());
        assertEquals(4, first.lastBlock());
        assertEquals(20 * 1_000, first.notional());
        // The tree: 2 and 4 hang off the price move, 7 off 2, and the retry 12 off 7 (its oracle price was 7's).
        assertEquals(java.util.List.of(
                new CascadeTracker.Step(2, 0, 2, 1, 1, 10_000),
                new CascadeTracker.Step(4, 0, 4, 1, 1, 5_000),
                new CascadeTracker.Step(7, 2, 7, 2, 2, 3_000),
                new CascadeTracker.Step(12, 7, 12, 3, 4, 2_000)), first.steps());
        assertEquals(4, t.maxSize());
        assertEquals(3, t.maxDepth());
    }

    @Test
    void attemptsThatNeverFillMakeNoCascade() {
        CascadeTracker t = new CascadeTracker();
        t.accept(new ProtocolEvent.OraclePrice(1, 0, 1, 0, 100));
        t.accept(liq(2, 1, 1));
        t.accept(settled(3, 2, 1, 0));
        assertEquals(0, t.cascades().size());
        assertEquals(0, t.maxDepth());
    }
}
