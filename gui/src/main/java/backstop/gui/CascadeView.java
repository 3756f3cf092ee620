package backstop.gui;

import backstop.model.metrics.CascadeTracker;

import javax.swing.JScrollPane;
import javax.swing.JTree;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cascade view: the run's liquidation cascades as a tree, the latest first, each with its size
 * (liquidations), depth, notional and block span, and under it the liquidations themselves nested by cause —
 * a liquidation sits under the liquidation whose price impact set it off, or directly under the cascade when
 * the exogenous move did.
 */
public final class CascadeView extends JScrollPane {
    private static final long serialVersionUID = 1L;
    /** Cascades listed; older ones are summarized in the root's label. */
    public static final int SHOWN = 20;
    /** Liquidation nodes listed per cascade; the rest are counted in one node. */
    public static final int STEPS_SHOWN = 500;
    private final DefaultMutableTreeNode root = new DefaultMutableTreeNode("no cascades yet");
    private final DefaultTreeModel model = new DefaultTreeModel(root);
    private final JTree tree = new JTree(model);
    private int shownCount = -1;
    private int shownLatestSize = -1;

    public CascadeView() {
        setViewportView(tree);
        setPreferredSize(new java.awt.Dimension(420, 300));
    }

    /** Rebuilds the tree when the cascades changed. */
    public void update(CascadeTracker tracker) {
        List<CascadeTracker.Cascade> all = new ArrayList<>(tracker.cascades());
        int latestSize = all.isEmpty() ? 0 : all.get(all.size() - 1).size();
        if (all.size() == shownCount && latestSize == shownLatestSize) {
            return;
        }
        shownCount = all.size();
        shownLatestSize = latestSize;
        root.removeAllChildren();
        root.setUserObject(all.size() + " cascades, largest " + tracker.maxSize() + " liquidations, deepest "
                + tracker.maxDepth());
        for (int i = all.size() - 1; i >= 0 && i >= all.size() - SHOWN; i--) {
            CascadeTracker.Cascade c = all.get(i);
            DefaultMutableTreeNode node = new DefaultMutableTreeNode(label(c, i == all.size() - 1));
            node.add(new DefaultMutableTreeNode("root event " + c.root()));
            node.add(new DefaultMutableTreeNode("size " + c.size() + " liquidations"));
            node.add(new DefaultMutableTreeNode("depth " + c.depth()));
            node.add(new DefaultMutableTreeNode("notional " + c.notional() / 1e6));
            node.add(new DefaultMutableTreeNode("blocks " + c.firstBlock() + "–" + c.lastBlock()));
            addSteps(node, c);
            root.add(node);
        }
        model.reload();
        if (root.getChildCount() > 0) {
            // Open the latest cascade down to its first level of liquidations.
            DefaultMutableTreeNode latest = (DefaultMutableTreeNode) root.getChildAt(0);
            DefaultMutableTreeNode steps = (DefaultMutableTreeNode) latest.getLastChild();
            tree.expandPath(new TreePath(steps.getPath()));
        }
    }

    /** The cascade's liquidations as a tree by cause, under a "liquidations" node of {@code cascade}. */
    static void addSteps(DefaultMutableTreeNode cascade, CascadeTracker.Cascade c) {
        DefaultMutableTreeNode top = new DefaultMutableTreeNode("liquidations (by cause)");
        Map<Long, DefaultMutableTreeNode> byLiquidation = new HashMap<>();
        List<CascadeTracker.Step> steps = c.steps();
        int shown = Math.min(steps.size(), STEPS_SHOWN);
        for (int k = 0; k < shown; k++) {
            CascadeTracker.Step s = steps.get(k);
            DefaultMutableTreeNode node = new DefaultMutableTreeNode(stepLabel(s));
            byLiquidation.getOrDefault(s.parent(), top).add(node);
            byLiquidation.putIfAbsent(s.liquidation(), node);
        }
        if (steps.size() > shown) {
            top.add(new DefaultMutableTreeNode("… " + (steps.size() - shown) + " more"));
        }
        cascade.add(top);
    }

    static String stepLabel(CascadeTracker.Step s) {
        return String.format(Locale.ROOT, "liquidation %d: account %d, depth %d, block %d, notional %,.0f",
                s.liquidation(), s.account(), s.depth(), s.block(), s.notional() / 1e6);
    }

    static String label(CascadeTracker.Cascade c, boolean latest) {
        return (latest ? "latest: " : "") + "cascade from event " + c.root() + ": " + c.size() + " liquidations, depth "
                + c.depth();
    }
}
