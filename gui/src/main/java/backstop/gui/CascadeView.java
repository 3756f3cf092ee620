package backstop.gui;

import backstop.model.metrics.CascadeTracker;

import javax.swing.JScrollPane;
import javax.swing.JTree;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The cascade view: the run's liquidation cascades as a tree, the latest first, each with its size
 * (liquidations), depth, notional and block span.
 */
public final class CascadeView extends JScrollPane {
    private static final long serialVersionUID = 1L;
    /** Cascades listed; older ones are summarized in the root's label. */
    public static final int SHOWN = 20;
    private final DefaultMutableTreeNode root = new DefaultMutableTreeNode("no cascades yet");
    private final DefaultTreeModel model = new DefaultTreeModel(root);
    private int shownCount = -1;
    private int shownLatestSize = -1;

    public CascadeView() {
        setViewportView(new JTree(model));
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
            root.add(node);
        }
        model.reload();
    }

    static String label(CascadeTracker.Cascade c, boolean latest) {
        return (latest ? "latest: " : "") + "cascade from event " + c.root() + ": " + c.size() + " liquidations, depth "
                + c.depth();
    }
}
