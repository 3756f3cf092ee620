package backstop.gui;

/** Reads {@code backstop gui}'s arguments: an optional scenario, then {@code --preset}, {@code --seed}, {@code --set}. */
public final class GuiArguments {
    private GuiArguments() {
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
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option '" + a + "'; use [SCENARIO] --preset P --seed N --set k=v");
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
