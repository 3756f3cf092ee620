package backstop.gui;

import org.junit.jupiter.api.Test;
import sim.portrayal.DrawInfo2D;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The account map's axes: ticks where {@link AccountMap#place} puts accounts, labels with units, drawn off screen. */
class MapAxesTest {
    @Test
    void ticksSitWhereTheMapPlacesAccounts() {
        assertEquals(0, MapAxes.across(AccountMap.MIN_LEVERAGE), 1e-12);
        assertEquals(1, MapAxes.across(AccountMap.MAX_LEVERAGE), 1e-12);
        // 0.1× to 100× is three decades: 1× is a third of the way, 10× two thirds.
        assertEquals(1 / 3.0, MapAxes.across(1), 1e-12);
        assertEquals(2 / 3.0, MapAxes.across(10), 1e-12);
        AccountDot tenX = new AccountDot(1, 1, "trader", 1000, 10_000, 2, 100, AccountState.HEALTHY);
        assertEquals(MapAxes.across(tenX.getLeverage()) * AccountMap.SIZE, AccountMap.place(tenX).x, 1e-9);
        assertEquals(0.5, MapAxes.up(0.5), 0);
    }

    @Test
    void labelsCarryTheirUnits() {
        assertEquals("0.1×", MapAxes.leverageLabel(0.1));
        assertEquals("0.3×", MapAxes.leverageLabel(0.3));
        assertEquals("30×", MapAxes.leverageLabel(30));
        assertEquals("0%", MapAxes.distanceLabel(0));
        assertEquals("25%", MapAxes.distanceLabel(0.25));
        assertEquals("≥100%", MapAxes.distanceLabel(1));
    }

    @Test
    void drawsLabelsInTheCornerAndAGridLineAtOneTimesLeverage() {
        int size = 560;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        Rectangle2D.Double all = new Rectangle2D.Double(0, 0, size, size);
        new MapAxes(null).draw(null, g, new DrawInfo2D(null, null, all, all));
        g.dispose();
        assertTrue(Snapshots.variance(img.getSubimage(0, size - 40, 120, 40)) > 10, "labels in the bottom-left corner");
        int x = (int) Math.round(MapAxes.across(1) * size);
        Color line = new Color(img.getRGB(x, size / 2));
        Color beside = new Color(img.getRGB(x + 5, size / 2));
        assertTrue(line.getRed() < beside.getRed(), "a grid line at 1×: " + line + " vs " + beside);
    }
}
