package backstop.gui;

import org.jfree.chart.JFreeChart;

import javax.imageio.ImageIO;
import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** PNG export of any view: Swing components are painted off screen, charts rendered by JFreeChart. */
public final class Snapshots {
    private Snapshots() {
    }

    /** Paints a laid-out component into an image of its current size. */
    public static BufferedImage paint(Component c) {
        int w = Math.max(1, c.getWidth());
        int h = Math.max(1, c.getHeight());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            c.printAll(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Renders a chart at a fixed size, independent of its window. */
    public static BufferedImage render(JFreeChart chart, int width, int height) {
        return chart.createBufferedImage(width, height);
    }

    /** Writes an image as PNG, creating parent folders. */
    public static Path write(BufferedImage img, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
        return file;
    }

    /** The variance of an image's grey levels: 0 for a blank (single-colour) image. */
    public static double variance(BufferedImage img) {
        double sum = 0;
        double sq = 0;
        long n = (long) img.getWidth() * img.getHeight();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                double grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3.0;
                sum += grey;
                sq += grey * grey;
            }
        }
        double mean = sum / n;
        return sq / n - mean * mean;
    }
}
