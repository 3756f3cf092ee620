package backstop.experiments.design;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigTree;
import backstop.experiments.config.Mechanism;
import backstop.experiments.config.Variants;
import backstop.protocol.breaker.CircuitBreaker;
import backstop.protocol.governance.ParameterController;
import backstop.protocol.liquidation.LiquidationPolicy;
import backstop.protocol.liquidation.LiquidationThrottle;
import backstop.protocol.liquidation.PartialCloseRule;
import backstop.protocol.margin.MarginModel;
import backstop.protocol.waterfall.AdlRanking;
import backstop.protocol.waterfall.LossAbsorber;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry of mechanisms that the config, {@code backstop presets}/{@code reference} and the GUI read: each
 * {@link Kind} of design part is a sealed {@code *Spec} interface, and its mechanisms are the records written in it
 * with {@link Mechanism} (name, summary, example), in the order written. Nothing else lists them.
 */
public final class Mechanisms {
    private Mechanisms() {
    }

    /** The kinds of design part, each with the design key it sits under and the interface its records implement. */
    public enum Kind {
        MARGIN("margin", "margin models (MarginModel)", MarginSpec.class),
        LIQUIDATION("liquidation", "liquidation policies (LiquidationPolicy)", LiquidationSpec.class),
        RULE("liquidation.rule", "partial-close rules (PartialCloseRule)", RuleSpec.class),
        THROTTLE("liquidation.throttle", "liquidation throttles (LiquidationThrottle)", ThrottleSpec.class),
        LIMIT("liquidation.limit", "liquidation order limits (LiquidationLimit)", LimitSpec.class),
        ABSORBER("waterfall[]", "loss absorbers, in waterfall order (LossAbsorber)", AbsorberSpec.class),
        RANKING("waterfall[].ranking", "auto-deleveraging rankings (AdlRanking)", RankingSpec.class),
        BREAKER("breakers[]", "circuit breakers (CircuitBreaker)", BreakerSpec.class),
        CONTROLLER("controllers[]", "governance controllers (ParameterController)", ControllerSpec.class);

        private final String key;
        private final String label;
        private final Class<?> spec;

        Kind(String key, String label, Class<?> spec) {
            this.key = key;
            this.label = label;
            this.spec = spec;
        }

        /** Where a design file names one ({@code waterfall[]}: an element of the list). */
        public String key() {
            return key;
        }

        /** What they are, with the protocol interface they implement. */
        public String label() {
            return label;
        }

        /** The sealed interface their records implement. */
        public Class<?> spec() {
            return spec;
        }

        /** The registered mechanisms of this kind, in the order written. */
        public List<Variants.Variant> mechanisms() {
            return Variants.of(spec).all();
        }

        /** The names of the registered mechanisms, in order. */
        public List<String> names() {
            return Variants.of(spec).names();
        }

        /** Whether files name these bare ({@code ranking: HYPERLIQUID}) rather than as a mapping with a type. */
        public boolean bare() {
            return Variants.of(spec).named();
        }

        /** The protocol object a record of this kind builds, for a protocol of {@code markets} markets. */
        public Object build(Object record, int markets, long seed) {
            return switch (this) {
                case MARGIN -> ((MarginSpec) record).build();
                case LIQUIDATION -> ((LiquidationSpec) record).build(markets);
                case RULE -> ((RuleSpec) record).build();
                case THROTTLE -> ((ThrottleSpec) record).build(markets);
                case LIMIT -> ((LimitSpec) record).build();
                case ABSORBER -> ((AbsorberSpec) record).build(seed);
                case RANKING -> ((RankingSpec) record).build(seed);
                case BREAKER -> ((BreakerSpec) record).build();
                case CONTROLLER -> ((ControllerSpec) record).build();
            };
        }

        /** The name a built protocol object of this kind goes by in events ({@code name()}). */
        public String builtName(Object built) {
            return switch (this) {
                case MARGIN -> ((MarginModel) built).name();
                case LIQUIDATION -> ((LiquidationPolicy) built).name();
                case RULE -> ((PartialCloseRule) built).name();
                case THROTTLE -> ((LiquidationThrottle) built).name();
                case LIMIT -> ((backstop.protocol.liquidation.LiquidationLimit) built).name();
                case ABSORBER -> ((LossAbsorber) built).name();
                case RANKING -> ((AdlRanking) built).name();
                case BREAKER -> ((CircuitBreaker) built).name();
                case CONTROLLER -> ((ParameterController) built).name();
            };
        }

        /** The kind of a record, or null when it is no registered mechanism. */
        public static Kind of(Object record) {
            for (Kind k : values()) {
                if (k.spec.isInstance(record) && record.getClass().getAnnotation(Mechanism.class) != null) {
                    return k;
                }
            }
            return null;
        }

        /**
         * A registered mechanism's documented example as a file writes it: the example mapping with its
         * {@code type}, or the bare name.
         */
        public JsonNode example(Variants.Variant m) {
            if (bare()) {
                return JsonNodeFactory.instance.textNode(m.name());
            }
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", m.name());
            if (!m.example().isEmpty()) {
                node.setAll(ConfigTree.parse(m.example(), m.name() + " example"));
            }
            return node;
        }

        /** The example as a file writes it, in YAML flow style: {@code {type: slippage, slippage: 0.05}}, or the name. */
        public String exampleText(Variants.Variant m) {
            if (bare()) {
                return m.name();
            }
            String keys = m.example().strip();
            return "{type: " + m.name() + (keys.length() > 2 ? ", " + keys.substring(1, keys.length() - 1).strip() : "") + "}";
        }

        /** The example bound to its record (so validated like a file). */
        public Object exampleRecord(Variants.Variant m) {
            return ConfigBinder.bind(example(m), spec, "the example of " + key + " " + m.name());
        }
    }

    /** The registered name of a mechanism's record ({@code partial}), or null when it is none. */
    public static String name(Object record) {
        Mechanism m = record == null ? null : record.getClass().getAnnotation(Mechanism.class);
        return m == null ? null : m.name();
    }

    /**
     * A record as its mechanism names, with the mechanisms inside it: {@code partial(rule: target-health, limit:
     * bankruptcy-price)}, {@code adl(ranking: hyperliquid)}, {@code tiered}.
     */
    public static String outline(Object record) {
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (name(value) != null) {
                parts.add(snake(c.getName()) + ": " + outline(value));
            }
        }
        return name(record) + (parts.isEmpty() ? "" : "(" + String.join(", ", parts) + ")");
    }

    /** The mechanisms of a design, one line: margin, liquidation, waterfall in order, breakers, controllers. */
    public static String outline(DesignSpec d) {
        StringBuilder b = new StringBuilder("margin ").append(outline(d.margin()))
                .append(" · liquidation ").append(outline(d.liquidation()))
                .append(" · waterfall ").append(d.waterfall().isEmpty() ? "—"
                        : String.join(" → ", d.waterfall().stream().map(Mechanisms::outline).toList()));
        if (!d.breakers().isEmpty()) {
            b.append(" · breakers ").append(String.join(", ", d.breakers().stream().map(Mechanisms::outline).toList()));
        }
        if (!d.controllers().isEmpty()) {
            b.append(" · controllers ").append(String.join(", ", d.controllers().stream().map(Mechanisms::outline).toList()));
        }
        return b.toString();
    }

    /**
     * The catalogue {@code backstop reference mechanisms} prints: every kind with each mechanism's name, summary,
     * the protocol class its example builds, and the example.
     */
    public static List<String> catalogue() {
        List<String> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            out.add(k.key() + " — " + k.label() + (k.bare() ? "; written as a bare name" : ""));
            int width = k.names().stream().mapToInt(String::length).max().orElse(0);
            for (Variants.Variant m : k.mechanisms()) {
                Object built = k.build(k.exampleRecord(m), 1, 0);
                out.add(String.format("  %-" + width + "s  %s", m.name(), m.summary()));
                out.add(String.format("  %-" + width + "s  builds %s%s", "", built.getClass().getSimpleName(),
                        k.bare() ? "" : "; e.g. " + k.exampleText(m)));
            }
        }
        return out;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
