package backstop.gui;

import backstop.experiments.design.Mechanisms;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.List;

/**
 * The mid-run controls: the market the order book, shocks and top-ups address; shock now, top up the insurance
 * fund, set a registered parameter, add a circuit breaker; save results, save PNGs of every view. Each button
 * hands its request to {@link BackstopWithUI}, which applies it between blocks.
 */
public final class ControlPanel extends JPanel {
    private static final long serialVersionUID = 1L;
    private final JTextField shockPercent = new JTextField("-20", 4);
    private final JTextField shockBlocks = new JTextField("1", 3);
    private final JTextField topUp = new JTextField("1000000", 9);
    private final JComboBox<String> parameter = new JComboBox<>();
    private final JComboBox<String> market = new JComboBox<>();
    private final JTextField parameterValue = new JTextField(10);
    /** The registered circuit breakers (design/Mechanisms): choosing one puts its example in the field below. */
    private final JComboBox<String> breakerType = new JComboBox<>(Mechanisms.Kind.BREAKER.names().toArray(String[]::new));
    private final JTextField breaker = new JTextField(18);
    private final JTextField folder = new JTextField("results/gui-run", 16);
    private final JTextArea log = new JTextArea(8, 30);

    public ControlPanel(BackstopWithUI gui) {
        super(new BorderLayout());
        // Parameter names can be long (vault_takeover_unwind_slippage_ppm): keep the row inside the window.
        parameter.setPrototypeDisplayValue("liquidation_penalty_ppm__");
        JPanel rows = new JPanel();
        rows.setLayout(new BoxLayout(rows, BoxLayout.Y_AXIS));
        rows.add(row("Market", market, new JLabel("(book, charts, shock, top-up)")));
        market.addActionListener(e -> gui.viewMarket(selectedMarket()));
        rows.add(row("Shock by %", shockPercent, new JLabel("over blocks"), shockBlocks,
                button("Shock now", () -> gui.edits().shock(selectedMarket(),
                        1 + number(shockPercent, "shock percent") / 100, integer(shockBlocks, "shock blocks")))));
        rows.add(row("Insurance +", topUp,
                button("Top up", () -> gui.edits().topUp(selectedMarket(), Math.round(number(topUp, "top-up") * 1e6)))));
        rows.add(row("Parameter", parameter));
        rows.add(row("New value", parameterValue, button("Set", () -> gui.edits().parameter(
                (String) parameter.getSelectedItem(), Math.round(number(parameterValue, "parameter value"))))));
        breakerType.addActionListener(e -> breaker.setText(breakerExample()));
        breakerType.setSelectedItem("price-drop-trip");
        breaker.setText(breakerExample());
        rows.add(row("Breaker", breakerType));
        rows.add(row("", breaker, button("Add now", () -> gui.edits().breaker(breaker.getText()))));
        rows.add(row("Folder", folder));
        rows.add(row("", button("Save results", () -> gui.saveResults(java.nio.file.Path.of(folder.getText()))),
                button("Save PNGs", () -> gui.savePngs(java.nio.file.Path.of(folder.getText() + "-png")))));
        rows.add(Box.createVerticalGlue());
        add(rows, BorderLayout.NORTH);
        log.setEditable(false);
        add(new JScrollPane(log), BorderLayout.CENTER);
        setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
    }

    /** The example of the breaker type chosen, as the field shows it. */
    private String breakerExample() {
        Mechanisms.Kind k = Mechanisms.Kind.BREAKER;
        return k.exampleText(k.mechanisms().get(Math.max(0, breakerType.getSelectedIndex())));
    }

    /** Offers the registered parameters of the current run. */
    public void parameters(List<String> names) {
        Object selected = parameter.getSelectedItem();
        parameter.removeAllItems();
        for (String n : names) {
            parameter.addItem(n);
        }
        if (selected != null && names.contains(selected)) {
            parameter.setSelectedItem(selected);
        }
    }

    /** Offers the run's markets (symbols, in market-id order), keeping the selection when it still exists. */
    public void markets(List<String> symbols) {
        int selected = market.getSelectedIndex();
        if (symbols.equals(items(market))) {
            return;
        }
        market.removeAllItems();
        symbols.forEach(market::addItem);
        if (!symbols.isEmpty()) {
            market.setSelectedIndex(selected >= 0 && selected < symbols.size() ? selected : 0);
        }
    }

    /** The chosen market's id (its asset's index too), 0 before a run has offered its markets. */
    private int selectedMarket() {
        return Math.max(0, market.getSelectedIndex());
    }

    private static List<String> items(JComboBox<String> box) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < box.getItemCount(); i++) {
            out.add(box.getItemAt(i));
        }
        return out;
    }

    /** Appends a line to the panel's log. */
    public void say(String line) {
        log.append(line + "\n");
    }

    private static JPanel row(String label, java.awt.Component... parts) {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT));
        p.add(new JLabel(label));
        for (java.awt.Component c : parts) {
            p.add(c);
        }
        return p;
    }

    private JButton button(String text, Runnable action) {
        JButton b = new JButton(text);
        b.addActionListener(e -> {
            try {
                action.run();
            } catch (RuntimeException ex) {
                say("error: " + ex.getMessage());
            }
        });
        return b;
    }

    private static double number(JTextField f, String what) {
        try {
            return Double.parseDouble(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": not a number: '" + f.getText() + "'");
        }
    }

    private static int integer(JTextField f, String what) {
        try {
            return Integer.parseInt(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": not an integer: '" + f.getText() + "'");
        }
    }
}
