package backstop.gui;

import backstop.model.world.World;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import sim.display.Console;
import sim.util.Properties;

import javax.swing.SwingUtilities;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The smoke run {@link GuiSmokeTest} forks under Xvfb: opens the Console on a one-minute calm run, edits the
 * seed through the inspector's properties, plays to block 30, tops up the insurance fund, shocks the price and
 * adds a circuit breaker,
 * plays to the end, then writes screenshots, the run folder and {@code report.json} into the folder given.
 */
public final class GuiSmoke {
    static final int PAUSE_AT = 30;
    static final long TOP_UP_MICROS = 5_000_000_000L;
    static final double SHOCK = 0.9;
    static final long INSPECTED_SEED = 11;
    /** The circuit breaker added mid-run (the run's design, preset none, has none). */
    static final String BREAKER = "{type: price-drop-trip, tolerance: 0.5, reset_seconds: 600}";
    private static final long WAIT_MILLIS = 30_000;

    private GuiSmoke() {
    }

    public static void main(String[] args) {
        // Swing threads keep a JVM alive: exit explicitly, non-zero on any failure, so the test never hangs.
        try {
            smoke(Path.of(args[0]));
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** Buttons of the Interventions panel that are not shown whole inside it (a row too wide for the window). */
    private static void hiddenButtons(java.awt.Container panel, java.awt.Container c, List<String> out) {
        for (java.awt.Component child : c.getComponents()) {
            if (child instanceof javax.swing.JButton b && !(b instanceof javax.swing.plaf.basic.BasicArrowButton)) {
                // Inside its row (a FlowLayout row too narrow wraps the button below itself, out of sight) and the panel.
                Rectangle r = SwingUtilities.convertRectangle(b.getParent(), b.getBounds(), panel);
                boolean inRow = new Rectangle(0, 0, c.getWidth(), c.getHeight()).contains(b.getBounds());
                if (!b.isShowing() || !inRow || !new Rectangle(0, 0, panel.getWidth(), panel.getHeight()).contains(r)) {
                    out.add(b.getText());
                }
            } else if (child instanceof java.awt.Container inner) {
                hiddenButtons(panel, inner, out);
            }
        }
    }

    private static void smoke(Path out) throws Exception {
        Files.createDirectories(out);
        Map<String, Object> report = new LinkedHashMap<>();
        GuiParameters p = ReplayTest.shortCalm(1);
        BackstopWithUI gui = new BackstopWithUI(p);
        AtomicReference<Console> console = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            Console c = new Console(gui);
            c.setPlaySleep(0);
            BackstopWithUI.placeConsole(c);
            c.setVisible(true);
            console.set(c);
        });
        Console c = console.get();

        // The inspector edits through the same bean properties the Console's Model tab shows.
        Properties props = Properties.getProperties(gui.getSimulationInspectedObject());
        SwingUtilities.invokeAndWait(() -> {
            props.setValue(index(props, "Seed"), Long.toString(INSPECTED_SEED));
            c.getModelInspector().updateInspector();
        });

        c.setWhenShouldPause(PAUSE_AT);
        SwingUtilities.invokeAndWait(c::pressPlay);
        waitFor(() -> c.getPlayState() == Console.PS_PAUSED, "the Console to pause at block " + PAUSE_AT);
        report.put("model_seed", gui.run().model().seed());
        report.put("paused_at_step", gui.run().model().schedule.getSteps());
        Thread.sleep(300);
        report.put("screen_paused_png", Snapshots.write(screen(), out.resolve("png/screen-paused.png")).toString());

        // Snapshots queued around the edits read the model right before and right after them, between blocks.
        long[] fund = new long[2];
        double[] price = new double[2];
        gui.scheduleImmediatelyBefore(s -> {
            World w = gui.run().model().world();
            fund[0] = w.protocol().ledger().balance(w.protocol().insuranceFundPot(0));
            price[0] = w.prices().price(0);
        });
        gui.edits().topUp(0, TOP_UP_MICROS);
        gui.edits().shock(0, SHOCK);
        gui.edits().breaker(BREAKER);
        List<String> breakers = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> parameters = new java.util.concurrent.CopyOnWriteArrayList<>();
        gui.scheduleImmediatelyBefore(s -> {
            World w = gui.run().model().world();
            fund[1] = w.protocol().ledger().balance(w.protocol().insuranceFundPot(0));
            w.protocol().breakers().forEach(b -> breakers.add(b.name()));
            w.protocol().parameters().all().forEach(x -> parameters.add(x.name()));
            price[1] = w.prices().price(0);
        });
        // Resuming runs the queued edits first, then the blocks to the end.
        c.setWhenShouldPause(Long.MAX_VALUE);
        SwingUtilities.invokeAndWait(c::pressPause);
        waitFor(() -> gui.interventions().log().size() == 3 && price[1] != 0, "the edits to be applied");
        report.put("insurance_before", fund[0]);
        report.put("insurance_after", fund[1]);
        report.put("insurance_top_up", TOP_UP_MICROS);
        report.put("shock_factor", SHOCK);
        report.put("price_before_shock", price[0]);
        report.put("price_after_shock", price[1]);
        report.put("interventions", gui.interventions().log());
        report.put("breakers_after", breakers);
        report.put("parameters_after", parameters);

        waitFor(() -> c.getPlayState() == Console.PS_STOPPED, "the run to end");
        report.put("steps", gui.run().model().schedule.getSteps());
        report.put("blocks", gui.run().blocks());
        report.put("chart_points", gui.charts().points());
        report.put("points_per_chart", gui.charts().pointsPerChart());
        report.put("accounts_on_map", gui.map().field().getAllObjects().numObjs);
        // Axes: the price axis spans the prices (not 0 to the top); a line that stays 0 gets a readable span.
        org.jfree.data.Range priceAxis = gui.charts().charts().get(0).getChart().getXYPlot().getRangeAxis().getRange();
        report.put("price_axis_lower", priceAxis.getLowerBound());
        report.put("price_min", gui.charts().charts().get(0).getChart().getXYPlot().getDataset().getYValue(0, 0));
        report.put("axis_spans", gui.charts().charts().stream()
                .map(ch -> ch.getChart().getXYPlot().getRangeAxis().getRange().getLength()).toList());
        // Choosing a market when the run is over redraws at once: empty the charts, pick the market, count again.
        SwingUtilities.invokeAndWait(() -> {
            gui.charts().reset();
            gui.viewMarket(0);
        });
        report.put("points_after_market_pick", gui.charts().points());

        // What a double-click does: hit-test a dot's pixel, then open MASON inspectors on what was hit.
        // The dot farthest from the field's edges, where a click cannot fall outside the drawn area.
        AccountDot dot = null;
        double best = -1;
        sim.util.Bag dots = gui.map().field().getAllObjects();
        for (int i = 0; i < dots.numObjs; i++) {
            sim.util.Double2D l = gui.map().field().getObjectLocation(dots.objs[i]);
            double margin = Math.min(Math.min(l.x, l.y), Math.min(AccountMap.SIZE - l.x, AccountMap.SIZE - l.y));
            if (margin > best) {
                best = margin;
                dot = (AccountDot) dots.objs[i];
            }
        }
        sim.util.Double2D at = gui.map().field().getObjectLocation(dot);
        // MASON centres a field smaller than its window: the field starts half the spare width (height) in.
        var inside = gui.display().insideDisplay;
        double scale = gui.display().getScale();
        double left = Math.max(0, (inside.getWidth() - inside.width * scale) / 2);
        double top = Math.max(0, (inside.getHeight() - inside.height * scale) / 2);
        double px = left + at.x * inside.width * scale / AccountMap.SIZE;
        double py = top + at.y * inside.height * scale / AccountMap.SIZE;
        // A 7-pixel box, not a single pixel: hits measured a few pixels off the computed centre under Xvfb.
        java.awt.geom.Rectangle2D.Double box = new java.awt.geom.Rectangle2D.Double(px - 3, py - 3, 7, 7);
        List<Object> hit = new java.util.ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            for (sim.util.Bag b : gui.display().objectsHitBy(box)) {
                for (Object o : b) {
                    hit.add(((sim.portrayal.LocationWrapper) o).getObject());
                }
            }
            gui.display().createInspectors(box, gui);
        });
        report.put("double_click_hit_accounts", hit.stream().filter(o -> o instanceof AccountDot)
                .map(o -> ((AccountDot) o).getAccount()).toList());
        report.put("clicked_account", dot.getAccount());
        report.put("inspectors_open", c.getAllInspectors().size());
        SwingUtilities.invokeAndWait(() -> { });
        Thread.sleep(500);
        List<Path> pngs = gui.savePngs(out.resolve("png"));
        Path consolePng = Snapshots.write(Snapshots.paint(c.getContentPane()), out.resolve("png/console.png"));
        Path screenPng = Snapshots.write(screen(), out.resolve("png/screen.png"));
        report.put("pngs", pngs.stream().map(Path::toString).toList());
        // The map's bottom-left corner (low leverage, liquidatable: no account sits there) holds the axes' labels.
        java.awt.image.BufferedImage map = javax.imageio.ImageIO.read(out.resolve("png/account-map.png").toFile());
        report.put("map_corner_variance", Snapshots.variance(map.getSubimage(0, map.getHeight() - 40, 120, 40)));
        List<String> hidden = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> hiddenButtons(gui.controls(), gui.controls(), hidden));
        report.put("control_buttons_cut_off", hidden);
        report.put("console_png", consolePng.toString());
        report.put("screen_png", screenPng.toString());
        report.put("run_folder", gui.saveResults(out.resolve("run")).toString());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("report.json").toFile(), report);
    }

    /** The whole Xvfb screen, every window as the researcher would see it. */
    private static java.awt.image.BufferedImage screen() throws java.awt.AWTException {
        return new Robot().createScreenCapture(new Rectangle(Toolkit.getDefaultToolkit().getScreenSize()));
    }

    private static int index(Properties props, String name) {
        for (int i = 0; i < props.numProperties(); i++) {
            if (props.getName(i).equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no inspector property '" + name + "'");
    }

    private static void waitFor(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + WAIT_MILLIS + " ms waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
