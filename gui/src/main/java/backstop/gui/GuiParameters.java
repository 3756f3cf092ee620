package backstop.gui;

import backstop.experiments.config.ConfigTree;
import backstop.experiments.design.DesignOverrides;
import backstop.experiments.design.DesignSpec;
import backstop.experiments.design.Mechanisms;
import backstop.experiments.design.Presets;
import backstop.experiments.scenario.ScenarioSpec;
import backstop.experiments.scenario.Scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run's parameters as bean properties (get/set, dom for ranges and pickers, des for tooltips), which the
 * MASON Console's Model tab shows and edits before a run; each typed field becomes a {@code --set} override.
 * A negative number means "keep the scenario's or the preset's value".
 */
public final class GuiParameters {
    private String scenario = "calm";
    private String preset = "none";
    private long seed = 1;
    private double durationSeconds = -1;
    private int leveragedTraders = -1;
    private double maintenanceMargin = -1;
    private double penaltyRate = -1;
    private double insuranceFund = -1;
    private String extraScenarioOverrides = "";
    private String extraDesignOverrides = "";
    private String addedBreaker = "";

    public int getScenario() {
        return Scenarios.NAMES.indexOf(scenario);
    }

    public void setScenario(int index) {
        scenario = Scenarios.NAMES.get(index);
    }

    public Object[] domScenario() {
        return Scenarios.NAMES.toArray();
    }

    public String desScenario() {
        return "Library scenario (the same names as backstop run).";
    }

    /** Selects a scenario by name (library name or YAML file), as {@code backstop gui SCENARIO} does. */
    public void scenarioName(String name) {
        scenario = name;
    }

    public String scenarioName() {
        return scenario;
    }

    public int getPreset() {
        return Presets.NAMES.indexOf(preset);
    }

    public void setPreset(int index) {
        preset = Presets.NAMES.get(index);
    }

    public Object[] domPreset() {
        return Presets.NAMES.toArray();
    }

    public String desPreset() {
        return "Loss-mitigation design preset.";
    }

    public String presetName() {
        return preset;
    }

    public void presetName(String name) {
        preset = name;
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }

    public String desSeed() {
        return "Run seed: the same seed and config replay backstop run exactly.";
    }

    public double getDurationSeconds() {
        return durationSeconds;
    }

    public void setDurationSeconds(double v) {
        durationSeconds = v;
    }

    public String desDurationSeconds() {
        return "duration_seconds (negative: the scenario's).";
    }

    public int getLeveragedTraders() {
        return leveragedTraders;
    }

    public void setLeveragedTraders(int v) {
        leveragedTraders = v;
    }

    public String desLeveragedTraders() {
        return "agents[1].count, the leveraged-trader population (negative: the scenario's).";
    }

    public double getMaintenanceMargin() {
        return maintenanceMargin;
    }

    public void setMaintenanceMargin(double v) {
        maintenanceMargin = v;
    }

    public Object domMaintenanceMargin() {
        return new sim.util.Interval(-1.0, 0.5);
    }

    public String desMaintenanceMargin() {
        return "markets[0].maintenance_margin as a fraction (negative: the scenario's).";
    }

    public double getPenaltyRate() {
        return penaltyRate;
    }

    public void setPenaltyRate(double v) {
        penaltyRate = v;
    }

    public String desPenaltyRate() {
        return "liquidation.penalty.rate of the design (negative: the preset's).";
    }

    public double getInsuranceFund() {
        return insuranceFund;
    }

    public void setInsuranceFund(double v) {
        insuranceFund = v;
    }

    public String desInsuranceFund() {
        return "insurance_fund of the design, quote units (negative: the preset's).";
    }

    public String getScenarioOverrides() {
        return extraScenarioOverrides;
    }

    public void setScenarioOverrides(String v) {
        extraScenarioOverrides = v == null ? "" : v;
    }

    public String desScenarioOverrides() {
        return "More --set scenario overrides, separated by ';' (e.g. agents[0].count=5).";
    }

    public String getDesignOverrides() {
        return extraDesignOverrides;
    }

    public void setDesignOverrides(String v) {
        extraDesignOverrides = v == null ? "" : v;
    }

    public String desDesignOverrides() {
        return "Design overrides, separated by ';': any key of the design (e.g. fee_to_insurance=0.1; "
                + "liquidation.penalty.rate=0.02), as in backstop reference design.";
    }

    public String getAddBreaker() {
        return addedBreaker;
    }

    public void setAddBreaker(String v) {
        addedBreaker = v == null ? "" : v;
    }

    public String desAddBreaker() {
        return "A circuit breaker to add to the design, as a YAML map, e.g. {type: price-drop-trip, tolerance: 0.95, "
                + "reset_seconds: 600}; types: " + String.join(", ", BREAKERS.names()) + " (pick one under Breaker Type"
                + " for its example; keys: backstop reference design). Its thresholds can then be changed mid-run.";
    }

    /** The registered circuit breakers, from the same registry as the config and {@code backstop reference}. */
    private static final Mechanisms.Kind BREAKERS = Mechanisms.Kind.BREAKER;

    /** The breaker type picker: 0 is none, then the registered breakers in registry order. */
    public int getBreakerType() {
        for (int i = 0; i < BREAKERS.mechanisms().size(); i++) {
            if (addedBreaker.equals(BREAKERS.exampleText(BREAKERS.mechanisms().get(i)))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Picking a type puts its documented example into Add Breaker, to edit there; none clears it. */
    public void setBreakerType(int index) {
        addedBreaker = index <= 0 ? "" : BREAKERS.exampleText(BREAKERS.mechanisms().get(index - 1));
    }

    public Object[] domBreakerType() {
        List<String> names = new ArrayList<>(List.of("none"));
        names.addAll(BREAKERS.names());
        return names.toArray();
    }

    public String desBreakerType() {
        return "A registered circuit breaker: picking one fills Add Breaker with its example.";
    }

    /** The scenario {@code --set} assignments these parameters stand for, in a fixed order. */
    public List<String> scenarioOverrides() {
        List<String> out = new ArrayList<>();
        if (durationSeconds >= 0) {
            out.add("duration_seconds=" + number(durationSeconds));
        }
        if (leveragedTraders >= 0) {
            out.add("agents[1].count=" + leveragedTraders);
        }
        if (maintenanceMargin >= 0) {
            out.add("markets[0].maintenance_margin=" + number(maintenanceMargin));
        }
        out.addAll(split(extraScenarioOverrides));
        return out;
    }

    /** The design assignments these parameters stand for, in a fixed order. */
    public List<String> designOverrides() {
        List<String> out = new ArrayList<>();
        if (penaltyRate >= 0) {
            out.add("liquidation.penalty.rate=" + number(penaltyRate));
        }
        if (insuranceFund >= 0) {
            out.add("insurance_fund=" + number(insuranceFund));
        }
        out.addAll(split(extraDesignOverrides));
        return out;
    }

    /** The scenario with the overrides applied; a bad override throws naming its key. */
    public ScenarioSpec loadScenario() {
        return Scenarios.load(scenario, scenarioOverrides());
    }

    /**
     * The design with its overrides applied (exactly the preset when there are none): any key of the design,
     * written with or without the {@code design.} prefix the command line uses, then the added breaker.
     */
    public DesignSpec loadDesign() {
        List<String> sets = designOverrides().stream()
                .map(a -> DesignOverrides.targetsDesign(a) ? a : DesignOverrides.PREFIX + a).toList();
        DesignSpec design = DesignOverrides.apply(Presets.loadOrFile(preset), sets);
        return addedBreaker.isBlank() ? design
                : DesignOverrides.withBreaker(design, ConfigTree.parse(addedBreaker, "add breaker"));
    }

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(";")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
