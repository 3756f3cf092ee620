package backstop.gui;

import backstop.model.metrics.CascadeTracker;
import backstop.protocol.event.ProtocolEvent;
import org.junit.jupiter.api.Test;

import javax.swing.tree.DefaultMutableTreeNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cascade tree nests each liquidation under the liquidation that caused it. */
class CascadeViewTest {
    @Test
    void liquidationsNestByCause() {
        CascadeTracker t = new CascadeTracker();
        t.accept(new ProtocolEvent.OraclePrice(1, 0, 1, 0, 100));   // exogenous move
        liquidate(t, 2, 1, 1, 21);                                   // set off by the move
        liquidate(t, 4, 1, 1, 22);                                   // also set off by the move
        t.accept(new ProtocolEvent.OraclePrice(6, 2, 2, 0, 95));    // price impact of liquidation 2
        liquidate(t, 7, 6, 2, 23);                                   // caused by 2
        t.accept(new ProtocolEvent.OraclePrice(9, 7, 3, 0, 90));    // price impact of liquidation 7
        liquidate(t, 10, 9, 3, 24);                                  // caused by 7

        DefaultMutableTreeNode cascade = new DefaultMutableTreeNode("c");
        CascadeView.addSteps(cascade, t.cascades().iterator().next());
        DefaultMutableTreeNode top = (DefaultMutableTreeNode) cascade.getChildAt(0);
        assertEquals(2, top.getChildCount(), "two liquidations hang off the price move");
        DefaultMutableTreeNode two = (DefaultMutableTreeNode) top.getChildAt(0);
        DefaultMutableTreeNode four = (DefaultMutableTreeNode) top.getChildAt(1);
        assertTrue(two.toString().startsWith("liquidation 2: account 21, depth 1"), two.toString());
        assertEquals(0, four.getChildCount());
        DefaultMutableTreeNode seven = (DefaultMutableTreeNode) two.getChildAt(0);
        assertTrue(seven.toString().startsWith("liquidation 7: account 23, depth 2, block 2"), seven.toString());
        DefaultMutableTreeNode ten = (DefaultMutableTreeNode) seven.getChildAt(0);
        assertTrue(ten.toString().startsWith("liquidation 10: account 24, depth 3"), ten.toString());
        assertEquals(4, top.getLeafCount() + 2, "4 liquidations: two leaves (4 and 10) plus 2 and 7 above 10");
    }

    private static void liquidate(CascadeTracker t, long id, long cause, long block, int account) {
        t.accept(new ProtocolEvent.Liquidation(id, cause, block, account, 0, -10, -1, false, "full-close", 0.9));
        t.accept(new ProtocolEvent.LiquidationSettled(id + 100, id, block, account, 0, 10, 10_000_000, 0, 0));
    }
}
