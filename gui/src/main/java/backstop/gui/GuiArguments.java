package backstop.gui;

import backstop.experiments.results.EventLevel;

/**
 * Reads {@code backstop gui}'s arguments: an optional scenario, then {@code --preset}, {@code --seed}, {@code --set},
 * {@code --events}.
 */
public final class GuiArguments {
    /** What {@code backstop gui --help} prints. */
    public static final String USAGE = String.join("\n",
            "Usage: backstop gui [SCENARIO] [--preset NAME|FILE] [--seed N] [--set key=value]... [--events LEVEL]",
            "Open the MASON Console on a scenario (library name or YAML file, default black-thursday-2020) under a",
            "design (default none): play, pause and step the run, watch the account map, the order book, the live",
            "charts and the cascades, intervene between blocks (shocks, insurance top-ups, parameters, breakers),",
            "and save the run folder or PNGs. Needs a display (or xvfb-run).",
            "  --preset NAME|FILE  a preset name or a design file",
            "  --seed N            the run's seed (default 1)",
            "  --set key=value     a scenario or design override, as for `backstop run`; may repeat",
            "  --events LEVEL      events kept and saved: full (default), losses or none, as for `backstop run`",
            "  -h, --help          show this help and exit");

    private GuiArguments() {
    }

    /** Whether the arguments ask for help. */
    public static boolean wantsHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /** The parameters the arguments ask for; a bad argument throws naming it. */
    public static GuiParameters parse(String[] args) {
        GuiParameters p = new GuiParameters();
        StringBuilder sets = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--preset" -> p.presetName(value(args, ++i, a));
                case "--seed" -> {
                    String v = value(args, ++i, a);
                    try {
                        p.setSeed(Long.parseLong(v));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed: not an integer: '" + v + "'");
                    }
                }
                case "--set" -> sets.append(sets.length() > 0 ? ";" : "").append(value(args, ++i, a));
                case "--events" -> {
                    String v = value(args, ++i, a);
                    try {
                        p.eventLevel(EventLevel.parse(v, a));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(e.getMessage());
                    }
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option '" + a + "'; use [SCENARIO] --preset P --seed N --set k=v --events L");
                    }
                    p.scenarioName(a);
                }
            }
        }
        p.setScenarioOverrides(sets.toString());
        return p;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + ": needs a value");
        }
        return args[i];
    }
}
