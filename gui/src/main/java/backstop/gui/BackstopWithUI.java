package backstop.gui;

import backstop.model.world.World;
import backstop.protocol.parameters.Parameter;
import sim.display.Console;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.util.media.chart.TimeSeriesChartGenerator;
import org.jfree.chart.ChartPanel;

import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import java.awt.Color;
import java.awt.GridLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The MASON front end: a Console whose Model tab edits {@link GuiParameters}, an account map, an order-book
 * ladder, live charts, a cascade tree and the {@link ControlPanel}. It only reads the model and draws it;
 * the one exception, {@link Interventions}, is applied between blocks and logged.
 */
public final class BackstopWithUI extends GUIState {
    private final GuiParameters parameters;
    private final AccountMap map = new AccountMap();
    private final BookLadder ladder = new BookLadder();
    /** The market the order book and the per-market charts show (chosen in the control panel). */
    private volatile int viewMarket;
    private final CascadeView cascades = new CascadeView();
    private final Interventions interventions = new Interventions();
    private final BetweenBlocks edits = new BetweenBlocks(this, () -> this.run.model().world(), interventions,
            line -> {
                ControlPanel panel = this.controls;
                if (panel != null) {
                    SwingUtilities.invokeLater(() -> panel.say(line));
                }
                offerParameters(); // an added breaker brings parameters of its own
            });
    private final List<JFrame> frames = new ArrayList<>();
    private LiveCharts charts;
    private LiveRun run;
    private Display2D display;
    private ControlPanel controls;
    private long startedNanos;
    // The seed the Console last set on the model (its Console tab's seed field), to tell when the user changed it there.
    private long consoleSeed;

    public BackstopWithUI(GuiParameters parameters) {
        this(parameters, build(parameters));
    }

    private BackstopWithUI(GuiParameters parameters, LiveRun first) {
        super(first.model());
        this.parameters = parameters;
        this.run = first;
        this.charts = new LiveCharts(first.scenario().markets().get(0).symbol());
        this.consoleSeed = first.model().seed();
    }

    private static LiveRun build(GuiParameters p) {
        return new LiveRun(p.loadScenario(), p.loadDesign(), p.getSeed(), p.scenarioOverrides(), p.eventLevel());
    }

    public static String getName() {
        return "Backstop";
    }

    @Override
    public Object getSimulationInspectedObject() {
        return parameters;
    }

    @Override
    public void start() {
        // One seed: MASON's Console sets its Console-tab seed on the model just before start; a value that differs from
        // what it set last time is the user's change there and becomes the Model tab's Seed too. Otherwise the Model
        // tab's Seed (which may have changed) is used.
        if (state != null && state.seed() != consoleSeed) {
            consoleSeed = state.seed();
            parameters.setSeed(consoleSeed);
        }
        // A new run is a new model: the scenario, design and seed may all have changed since the last one.
        try {
            run = build(parameters);
        } catch (RuntimeException e) {
            // A bad value in the Model tab must not wedge the Console: say so and rerun the last good config.
            run = run.again();
            if (controller != null) {
                String message = e.getMessage();
                SwingUtilities.invokeLater(() -> javax.swing.JOptionPane.showMessageDialog(null,
                        message + "\nRunning the previous configuration instead.", "Backstop parameters",
                        javax.swing.JOptionPane.WARNING_MESSAGE));
            }
        }
        state = run.model();
        interventions.reset();
        map.reset();
        charts.reset();
        super.start();
        startedNanos = System.nanoTime();
        if (display != null) {
            display.reset();
        }
        scheduleRepeatingImmediatelyAfter(new Steppable() {
            private static final long serialVersionUID = 1L;

            @Override
            public void step(SimState s) {
                refresh();
                if (run.model().schedule.getSteps() >= run.blocks()) {
                    s.kill();
                }
            }
        });
        refresh();
        offerParameters();
        if (controls != null && run.eventLevel() == backstop.experiments.results.EventLevel.NONE) {
            ControlPanel panel = controls;
            SwingUtilities.invokeLater(() -> panel.say("events: none — the account map marks no liquidations or ADL,"
                    + " and saved results have no events file"));
        }
    }

    /** Offers the run's registered parameters and its markets in the controls (called on the simulation thread). */
    private void offerParameters() {
        ControlPanel panel = controls;
        if (panel != null) {
            List<String> names = run.model().world().protocol().parameters().all().stream().map(Parameter::name).toList();
            List<String> symbols = run.model().world().protocol().markets().stream().map(m -> m.spec().symbol()).toList();
            SwingUtilities.invokeLater(() -> {
                panel.parameters(names);
                panel.markets(symbols);
            });
        }
    }

    /** Re-reads the model into every view (called after each block, on the simulation thread). */
    void refresh() {
        World w = run.model().world();
        if (w == null) {
            return;
        }
        map.update(w.protocol(), run.events());
        int market = Math.min(viewMarket, w.protocol().markets().size() - 1);
        ladder.update(w.protocol(), market);
        charts.showMarket(w.protocol().market(market).spec().symbol());
        charts.update(run.model().recorder().series(), run.model().schedule.getSteps());
        SwingUtilities.invokeLater(() -> cascades.update(run.model().cascades()));
        if (display != null) {
            display.repaint();
        }
    }

    @Override
    public void init(Controller c) {
        super.init(c);
        // Laid out to tile a 1600×1000 screen beside the Console (0,0 400×500).
        // The field fits the frame below its toolbar, so no scroll bar hides the axes.
        display = new Display2D(536, 536, this);
        display.setBackdrop(Color.WHITE);
        display.attach(map.portrayal(), "Accounts");
        display.attach(new MapAxes(map.field()), "Axes");
        frame(display.createFrame(), "Account map (colour: state, size: notional)", 400, 0, 560, 620, true);
        frame(frameOf(ladder), "Order book", 400, 620, 560, 380, true);
        controls = new ControlPanel(this);
        frame(frameOf(controls), "Interventions", 0, 500, 400, 500, true);
        JPanel grid = new JPanel(new GridLayout(3, 2));
        for (TimeSeriesChartGenerator chart : charts.charts()) {
            // A second view of the same chart, so all six fit in one window; each generator's own window
            // (series styles, PDF export) stays in the Console's Displays list.
            grid.add(new ChartPanel(chart.getChart()));
            frame(chart.createFrame(), chart.getTitle(), 960, 0, 640, 480, false);
        }
        frame(frameOf(grid), "Charts", 960, 0, 640, 700, true);
        frame(frameOf(cascades), "Cascades", 960, 700, 640, 300, true);
    }

    private static JFrame frameOf(java.awt.Component c) {
        JFrame f = new JFrame();
        f.getContentPane().add(c);
        return f;
    }

    private void frame(JFrame f, String title, int x, int y, int w, int h, boolean visible) {
        f.setTitle(title);
        f.setBounds(x, y, w, h);
        controller.registerFrame(f);
        f.setVisible(visible);
        frames.add(f);
    }

    @Override
    public void quit() {
        super.quit();
        for (JFrame f : frames) {
            f.dispose();
        }
        frames.clear();
        display = null;
    }

    /** Writes the standard run folder of the current run. */
    public Path saveResults(Path dir) {
        try {
            synchronized (state.schedule) {
                Path written = run.save(dir, (System.nanoTime() - startedNanos) / 1e9, interventions.applied());
                if (controls != null) {
                    controls.say("results: " + written + (interventions.edited() ? " (" + interventions.applied().size()
                            + " mid-run edits, listed in manifest.json; replay: backstop run --interventions "
                            + written.resolve("manifest.json") + ")" : ""));
                }
                return written;
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes a PNG of the account map, the order book, the cascades and every chart into {@code dir}. */
    public List<Path> savePngs(Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            out.add(Snapshots.write(Snapshots.paint(display), dir.resolve("account-map.png")));
            out.add(Snapshots.write(Snapshots.paint(ladder), dir.resolve("order-book.png")));
            out.add(Snapshots.write(Snapshots.paint(cascades), dir.resolve("cascades.png")));
            int i = 0;
            for (TimeSeriesChartGenerator c : charts.charts()) {
                out.add(Snapshots.write(Snapshots.render(c.getChart(), 640, 400), dir.resolve("chart-" + i++ + ".png")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not write PNGs to " + dir + ": " + e.getMessage(), e);
        }
        if (controls != null) {
            controls.say("PNGs: " + dir);
        }
        return out;
    }

    public LiveRun run() {
        return run;
    }

    /** Mid-run edits, applied before the next block. */
    public BetweenBlocks edits() {
        return edits;
    }

    public Interventions interventions() {
        return interventions;
    }

    public LiveCharts charts() {
        return charts;
    }

    public AccountMap map() {
        return map;
    }

    public Display2D display() {
        return display;
    }

    public BookLadder ladder() {
        return ladder;
    }

    /** The Interventions window's panel (null before the Console has opened the windows). */
    public ControlPanel controls() {
        return controls;
    }

    /** Shows market {@code market}'s order book and charts from the next redraw on. */
    public void viewMarket(int market) {
        viewMarket = Math.max(0, market);
        // While playing, the next block redraws; paused or at the end nothing else would, so redraw now.
        if (run != null && !(controller instanceof Console c && c.getPlayState() == Console.PS_PLAYING)) {
            refresh();
        }
    }

    /** Puts the Console top left and opens its Model tab, where the run's parameters are edited. */
    public static void placeConsole(Console console) {
        console.setBounds(0, 0, 400, 500);
        javax.swing.JTabbedPane tabs = console.getTabPane();
        int model = tabs.indexOfTab("Model");
        if (model >= 0) {
            tabs.setSelectedIndex(model);
        }
    }

    /** {@code backstop gui [SCENARIO] [--preset P] [--seed N] [--set key=value]…}: opens the Console. */
    public static void main(String[] args) {
        if (GuiArguments.wantsHelp(args)) {
            System.out.println(GuiArguments.USAGE);
            return;
        }
        if (java.awt.GraphicsEnvironment.isHeadless()) {
            System.err.println("backstop gui: no display (DISPLAY is unset or headless); run it on a desktop or under "
                    + "xvfb-run");
            System.exit(2);
        }
        GuiParameters p;
        try {
            p = GuiArguments.parse(args);
            p.loadScenario();
            p.loadDesign();
        } catch (RuntimeException e) {
            System.err.println("backstop gui: " + e.getMessage());
            System.exit(2);
            return;
        }
        SwingUtilities.invokeLater(() -> {
            Console console = new Console(new BackstopWithUI(p));
            placeConsole(console);
            console.setVisible(true);
        });
    }
}
