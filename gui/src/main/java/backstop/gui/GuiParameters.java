package backstop.gui;

import backstop.experiments.config.ConfigTree;
import backstop.experiments.design.DesignOverrides;
import backstop.experiments.design.DesignSpec;
import backstop.experiments.design.Mechanisms;
import backstop.experiments.design.Presets;
import backstop.experiments.results.EventLevel;
import backstop.experiments.scenario.ScenarioSpec;
import backstop.experiments.scenario.Scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run's parameters as bean properties (get/set, dom for ranges and pickers, des for tooltips), which the
 * MASON Console's Model tab shows and edits before a run; each typed field becomes a {@code --set} override.
 * A field left blank shows "(scenario default)" or "(preset default)" and keeps that value.
 */
public final class GuiParameters {
    private String scenario = "calm";
    private String preset = "none";
    private long seed = 1;
    /** What a blank scenario field shows. */
    public static final String SCENARIO_DEFAULT = "(scenario default)";
    /** What a blank design field shows. */
    public static final String PRESET_DEFAULT = "(preset default)";

    // null: keep the scenario's or the preset's value.
    private Double durationSeconds;
    private Integer leveragedTraders;
    private Double maintenanceMargin;
    private Double penaltyRate;
    private Double insuranceFund;
    private String extraScenarioOverrides = "";
    private String extraDesignOverrides = "";
    private String addedBreaker = "";
    private EventLevel events = EventLevel.RUN_DEFAULT;

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

    public String getDurationSeconds() {
        return shown(durationSeconds, SCENARIO_DEFAULT);
    }

    public void setDurationSeconds(String v) {
        durationSeconds = typed(v, "duration_seconds", 1);
    }

    /** Sets duration_seconds (the Java form of the Model tab's field). */
    public void durationSeconds(double seconds) {
        setDurationSeconds(number(seconds));
    }

    public String desDurationSeconds() {
        return "duration_seconds of the scenario; blank keeps the scenario's.";
    }

    public String getLeveragedTraders() {
        return leveragedTraders == null ? SCENARIO_DEFAULT : Integer.toString(leveragedTraders);
    }

    public void setLeveragedTraders(String v) {
        Double n = typed(v, "agents[1].count", 0);
        if (n != null && n != Math.rint(n)) {
            throw new IllegalArgumentException("agents[1].count: must be a whole number, got " + v.strip());
        }
        leveragedTraders = n == null ? null : n.intValue();
    }

    /** Sets agents[1].count (the Java form of the Model tab's field). */
    public void leveragedTraders(int count) {
        setLeveragedTraders(Integer.toString(count));
    }

    public String desLeveragedTraders() {
        return "agents[1].count, the leveraged-trader population; blank keeps the scenario's.";
    }

    public String getMaintenanceMargin() {
        return shown(maintenanceMargin, SCENARIO_DEFAULT);
    }

    public void setMaintenanceMargin(String v) {
        Double m = typed(v, "markets[0].maintenance_margin", 0);
        if (m != null && m > 0.5) {
            throw new IllegalArgumentException("markets[0].maintenance_margin: must be in [0, 0.5], got " + v.strip());
        }
        maintenanceMargin = m;
    }

    /** Sets markets[0].maintenance_margin (the Java form of the Model tab's field). */
    public void maintenanceMargin(double fraction) {
        setMaintenanceMargin(number(fraction));
    }

    public String desMaintenanceMargin() {
        return "markets[0].maintenance_margin as a fraction in [0, 0.5]; blank keeps the scenario's.";
    }

    public String getPenaltyRate() {
        return shown(penaltyRate, PRESET_DEFAULT);
    }

    public void setPenaltyRate(String v) {
        penaltyRate = typed(v, "liquidation.penalty.rate", 0);
    }

    /** Sets the design's liquidation.penalty.rate (the Java form of the Model tab's field). */
    public void penaltyRate(double fraction) {
        setPenaltyRate(number(fraction));
    }

    public String desPenaltyRate() {
        return "liquidation.penalty.rate of the design; blank keeps the preset's.";
    }

    public String getInsuranceFund() {
        return shown(insuranceFund, PRESET_DEFAULT);
    }

    public void setInsuranceFund(String v) {
        insuranceFund = typed(v, "insurance_fund", 0);
    }

    /** Sets the design's insurance_fund, quote units (the Java form of the Model tab's field). */
    public void insuranceFund(double quote) {
        setInsuranceFund(number(quote));
    }

    public String desInsuranceFund() {
        return "insurance_fund of the design, quote units; blank keeps the preset's.";
    }

    private static String shown(Double v, String blank) {
        return v == null ? blank : number(v);
    }

    /**
     * A typed field: blank, or the default's own text, means "keep the default" (null); otherwise a number ≥
     * {@code min}, or an error naming the key and the text.
     */
    private static Double typed(String v, String key, double min) {
        String t = v == null ? "" : v.strip();
        if (t.isEmpty() || t.equals(SCENARIO_DEFAULT) || t.equals(PRESET_DEFAULT)) {
            return null;
        }
        double x;
        try {
            x = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number: " + t + " (leave it blank for the default)");
        }
        if (!(x >= min) || !Double.isFinite(x)) {
            throw new IllegalArgumentException(key + ": must be ≥ " + number(min) + ", got " + t);
        }
        return x;
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

    public int getEvents() {
        return events.ordinal();
    }

    public void setEvents(int index) {
        events = EventLevel.values()[index];
    }

    public Object[] domEvents() {
        return java.util.Arrays.stream(EventLevel.values()).map(EventLevel::label).toArray();
    }

    public String desEvents() {
        return "Events kept and saved: full (every event), losses (liquidations, ADL, bad debt, halts...) or none"
                + " (no events file; the account map then marks no liquidations). Metrics are the same at every level.";
    }

    /** The event level, as {@code backstop gui --events} sets it. */
    public EventLevel eventLevel() {
        return events;
    }

    public void eventLevel(EventLevel level) {
        events = level;
    }

    /** The scenario {@code --set} assignments these parameters stand for, in a fixed order. */
    public List<String> scenarioOverrides() {
        List<String> out = new ArrayList<>();
        if (durationSeconds != null) {
            out.add("duration_seconds=" + number(durationSeconds));
        }
        if (leveragedTraders != null) {
            out.add("agents[1].count=" + leveragedTraders);
        }
        if (maintenanceMargin != null) {
            out.add("markets[0].maintenance_margin=" + number(maintenanceMargin));
        }
        out.addAll(split(extraScenarioOverrides));
        return out;
    }

    /** The design assignments these parameters stand for, in a fixed order. */
    public List<String> designOverrides() {
        List<String> out = new ArrayList<>();
        if (penaltyRate != null) {
            out.add("liquidation.penalty.rate=" + number(penaltyRate));
        }
        if (insuranceFund != null) {
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
