package backstop.gui;

import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.util.Bag;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.util.Locale;

/**
 * The account map's axes, drawn over the field as a layer of its own: leverage ticks (log scale, {@link AccountMap}'s
 * range) along the bottom, distance-to-liquidation ticks up the left side, both axis titles, and a band at the bottom
 * where accounts are liquidatable. It only draws: clicks go through to the accounts.
 */
final class MapAxes extends FieldPortrayal2D {
    private static final long serialVersionUID = 1L;
    /** Leverage ticks, × equity. */
    static final double[] LEVERAGE_TICKS = {0.1, 0.3, 1, 3, 10, 30, 100};
    /** Distance ticks, as a fraction of the price. */
    static final double[] DISTANCE_TICKS = {0, 0.25, 0.5, 0.75, 1};
    static final String X_TITLE = "leverage (notional ÷ equity, log scale)";
    static final String Y_TITLE = "adverse price move to liquidation";
    private static final Color INK = new Color(0x44, 0x44, 0x44);
    private static final Color GRID = new Color(0, 0, 0, 0x22);
    private static final Color DANGER = new Color(0xd6, 0x27, 0x28, 0x22);

    MapAxes(Object field) {
        setField(field);
    }

    /** Where leverage {@code x} is across the field, 0 (left) to 1 (right). */
    static double across(double leverage) {
        return Math.log(leverage / AccountMap.MIN_LEVERAGE) / Math.log(AccountMap.MAX_LEVERAGE / AccountMap.MIN_LEVERAGE);
    }

    /** Where distance {@code d} is up the field, 0 (bottom) to 1 (top). */
    static double up(double distance) {
        return distance / AccountMap.MAX_DISTANCE;
    }

    static String leverageLabel(double leverage) {
        return (leverage < 1 ? String.format(Locale.ROOT, "%.1f", leverage) : Long.toString(Math.round(leverage))) + "×";
    }

    static String distanceLabel(double distance) {
        String pct = Math.round(distance * 100) + "%";
        return distance >= AccountMap.MAX_DISTANCE ? "≥" + pct : pct;
    }

    @Override
    public void draw(Object object, Graphics2D g, DrawInfo2D info) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            double x0 = info.draw.x;
            double y0 = info.draw.y;
            double w = info.draw.width;
            double h = info.draw.height;
            // The liquidatable band: the bottom 3% of the field, where the distance is 0 or less.
            g2.setColor(DANGER);
            g2.fill(new java.awt.geom.Rectangle2D.Double(x0, y0 + h * 0.97, w, h * 0.03));
            g2.setFont(g2.getFont().deriveFont(Font.PLAIN, 11f));
            FontMetrics fm = g2.getFontMetrics();
            g2.setStroke(new BasicStroke(1f));
            for (double lev : LEVERAGE_TICKS) {
                int x = (int) Math.round(x0 + across(lev) * w);
                g2.setColor(GRID);
                g2.drawLine(x, (int) y0, x, (int) (y0 + h));
                g2.setColor(INK);
                String label = leverageLabel(lev);
                int lx = Math.max((int) x0 + 2, Math.min((int) (x0 + w) - fm.stringWidth(label) - 2, x - fm.stringWidth(label) / 2));
                g2.drawString(label, lx, (int) (y0 + h) - fm.getDescent() - 14);
            }
            for (double d : DISTANCE_TICKS) {
                int y = (int) Math.round(y0 + (1 - up(d)) * h);
                g2.setColor(GRID);
                g2.drawLine((int) x0, y, (int) (x0 + w), y);
                g2.setColor(INK);
                int ly = Math.max((int) y0 + fm.getAscent() + 2, Math.min((int) (y0 + h) - 30, y + fm.getAscent() / 2));
                g2.drawString(distanceLabel(d), (int) x0 + 18, ly);
            }
            g2.setFont(g2.getFont().deriveFont(Font.BOLD, 12f));
            fm = g2.getFontMetrics();
            g2.drawString(X_TITLE, (int) (x0 + (w - fm.stringWidth(X_TITLE)) / 2), (int) (y0 + h) - fm.getDescent() - 1);
            AffineTransform saved = g2.getTransform();
            g2.rotate(-Math.PI / 2, x0 + fm.getAscent() + 1, y0 + h / 2);
            g2.drawString(Y_TITLE, (int) (x0 + fm.getAscent() + 1 - fm.stringWidth(Y_TITLE) / 2.0), (int) (y0 + h / 2));
            g2.setTransform(saved);
            g2.setFont(g2.getFont().deriveFont(Font.PLAIN, 11f));
            g2.setColor(new Color(0xd6, 0x27, 0x28));
            // Beside the 0% label, clear of the leverage labels and the accounts (none sits at low leverage there).
            g2.drawString("← liquidatable at 0%", (int) x0 + 52, (int) (y0 + h) - 30);
        } finally {
            g2.dispose();
        }
    }

    @Override
    public void hitObjects(DrawInfo2D range, Bag putInHere) {
        // Axes are not objects: a click inspects the accounts underneath.
    }
}
