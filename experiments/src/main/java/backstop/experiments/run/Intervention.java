package backstop.experiments.run;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigTree;
import backstop.experiments.design.BreakerSpec;
import backstop.model.world.World;
import backstop.protocol.Protocol;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * One mid-run edit a researcher made (in the GUI) or asks to replay ({@code backstop run --interventions FILE}): a price
 * shock, an insurance top-up, a governance parameter change or an added circuit breaker. Each is applied between blocks,
 * after block {@link #block()} has ended and before the next begins, so a run folder's {@code manifest.json}, which lists
 * them, says exactly how to replay the run it came from.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Intervention.Shock.class, name = "shock"),
        @JsonSubTypes.Type(value = Intervention.InsuranceTopUp.class, name = "insurance_top_up"),
        @JsonSubTypes.Type(value = Intervention.SetParameter.class, name = "set_parameter"),
        @JsonSubTypes.Type(value = Intervention.AddBreaker.class, name = "add_breaker"),
})
public sealed interface Intervention {
    /** The block after which it applies (0: before block 1). */
    long block();

    /** Applies it to the running world; returns the log line. A refusal throws, naming what was refused. */
    String apply(World world);

    /** Multiplies asset {@code asset}'s exogenous price by {@code factor} (0.8 is a 20% fall). */
    record Shock(long block, int asset, double factor) implements Intervention {
        public Shock {
            Interventions.checkBlock(block);
            if (!(factor > 0) || !Double.isFinite(factor)) {
                throw new IllegalArgumentException("shock factor: must be a finite number > 0, got " + factor);
            }
        }

        @Override
        public String apply(World world) {
            if (asset < 0 || asset >= world.prices().assets()) {
                throw new IllegalArgumentException("shock asset: must be 0.." + (world.prices().assets() - 1) + ", got " + asset);
            }
            double before = world.prices().price(asset);
            world.prices().shock(asset, factor);
            return String.format(Locale.ROOT, "block %d: shock asset %d ×%s (%s → %s)", world.block(), asset, factor,
                    before, world.prices().price(asset));
        }
    }

    /** Adds {@code micros} to the insurance fund of {@code market} by a governance transaction. */
    record InsuranceTopUp(long block, int market, long micros) implements Intervention {
        public InsuranceTopUp {
            Interventions.checkBlock(block);
            if (micros <= 0) {
                throw new IllegalArgumentException("insurance top-up: must be > 0 micro-units, got " + micros);
            }
        }

        @Override
        public String apply(World world) {
            Protocol p = world.protocol();
            if (market < 0 || market >= p.markets().size()) {
                throw new IllegalArgumentException("insurance top-up market: must be 0.." + (p.markets().size() - 1)
                        + ", got " + market);
            }
            TxReceipt r = p.submit(new Tx.InsuranceTopUp(market, micros, Interventions.GOVERNOR));
            if (!r.ok()) {
                throw new IllegalArgumentException("insurance top-up of " + micros + " micros refused: " + r.result());
            }
            return "block " + p.block() + ": insurance top-up " + micros + " micros (" + p.market(market).spec().symbol() + ")";
        }
    }

    /** Sets registered protocol parameter {@code name} to {@code value} (clamped to its bounds) by a governance transaction. */
    record SetParameter(long block, String name, long value) implements Intervention {
        public SetParameter {
            Interventions.checkBlock(block);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("set_parameter name: required");
            }
        }

        @Override
        public String apply(World world) {
            Protocol p = world.protocol();
            if (!p.parameters().has(name)) {
                throw new IllegalArgumentException("parameter '" + name + "' is not registered; known: "
                        + p.parameters().all().stream().map(x -> x.name()).toList());
            }
            p.submit(new Tx.SetParameter(name, value, Interventions.GOVERNOR));
            return "block " + p.block() + ": parameter " + name + " = " + p.parameters().get(name).value();
        }
    }

    /** Adds a circuit breaker, given as a design's {@code breakers} entry ({@code {type: price-drop-trip, …}}). */
    record AddBreaker(long block, JsonNode breaker) implements Intervention {
        public AddBreaker {
            Interventions.checkBlock(block);
            if (breaker == null || !breaker.isObject()) {
                throw new IllegalArgumentException("add_breaker breaker: a map like a design's breakers entry, e.g. "
                        + "{type: price-drop-trip, tolerance: 0.95, reset_seconds: 600}");
            }
            spec(breaker); // checked now: a wrong key or value fails before the run starts
        }

        @JsonIgnore
        public BreakerSpec spec() {
            return spec(breaker);
        }

        private static BreakerSpec spec(JsonNode breaker) {
            return ConfigBinder.bind(ConfigTree.parse(breaker.toString(), "breaker"), BreakerSpec.class, "breaker");
        }

        @JsonProperty("breaker")
        public JsonNode breaker() {
            return breaker;
        }

        @Override
        public String apply(World world) {
            var built = spec().build();
            world.protocol().addBreaker(built, Interventions.GOVERNOR);
            return "block " + world.block() + ": breaker " + built.name() + " added";
        }
    }
}
