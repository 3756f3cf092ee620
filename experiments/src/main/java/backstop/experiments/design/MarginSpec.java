package backstop.experiments.design;

import backstop.model.spec.Check;
import backstop.protocol.margin.MarginModel;
import backstop.protocol.margin.OiScaledMargin;
import backstop.protocol.margin.PredictiveMargin;
import backstop.protocol.margin.ScaledMargin;
import backstop.protocol.margin.TieredMargin;
import backstop.protocol.margin.VolatilityScaledMargin;
import backstop.protocol.money.Amounts;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The margin model of a design, chosen by {@code type}. Adaptive models wrap a {@code base}; volatilities are
 * annualised decimals (0.8 = 80%), scales are multiples (1.5 = 1.5×).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MarginSpec.Tiered.class, name = "tiered"),
        @JsonSubTypes.Type(value = MarginSpec.OiScaled.class, name = "oi-scaled"),
        @JsonSubTypes.Type(value = MarginSpec.VolatilityScaled.class, name = "volatility-scaled"),
        @JsonSubTypes.Type(value = MarginSpec.Predictive.class, name = "predictive"),
        @JsonSubTypes.Type(value = MarginSpec.Scaled.class, name = "scaled"),
})
public sealed interface MarginSpec {
    /** A fresh model for one protocol instance. */
    MarginModel build();

    /** Each market's own size tiers (a single tier is fixed margin). */
    record Tiered() implements MarginSpec {
        @Override
        public MarginModel build() {
            return new TieredMargin();
        }
    }

    /** dYdX: tiers, with initial margin scaled up by open interest between each market's caps. */
    record OiScaled() implements MarginSpec {
        @Override
        public MarginModel build() {
            return new OiScaledMargin(new TieredMargin());
        }
    }

    /** Fractions × clamp(EWMA vol / reference, floor, cap), re-indexed only on moves beyond the threshold. */
    record VolatilityScaled(MarginSpec base, double lambda, double referenceVol, double floor, double cap,
                            double rebuildThreshold) implements MarginSpec {
        public VolatilityScaled {
            Check.required("margin.base", base);
            Check.fraction("margin.lambda", lambda);
            Check.positive("margin.reference_vol", referenceVol);
            Check.positive("margin.floor", floor);
            if (!(cap >= floor)) {
                throw new IllegalArgumentException("margin.cap: must be ≥ floor, got " + cap);
            }
            Check.fraction("margin.rebuild_threshold", rebuildThreshold);
        }

        @Override
        public MarginModel build() {
            return new VolatilityScaledMargin(base.build(), Amounts.ppm(lambda), Amounts.ppm(referenceVol), Amounts.ppm(floor),
                    Amounts.ppm(cap), Amounts.ppm(rebuildThreshold));
        }
    }

    /** GARCH(1,1) refitted every {@code refitEveryBlocks} on a rolling window; forecast over a horizon scales margins. */
    record Predictive(MarginSpec base, int windowReturns, int refitEveryBlocks, int horizonBlocks, double referenceVol,
                      double floor, double cap, double rebuildThreshold) implements MarginSpec {
        public Predictive {
            Check.required("margin.base", base);
            Check.atLeast("margin.window_returns", windowReturns, PredictiveMargin.MIN_RETURNS);
            Check.atLeast("margin.refit_every_blocks", refitEveryBlocks, 1);
            Check.atLeast("margin.horizon_blocks", horizonBlocks, 1);
            Check.positive("margin.reference_vol", referenceVol);
            Check.positive("margin.floor", floor);
            Check.fraction("margin.rebuild_threshold", rebuildThreshold);
        }

        @Override
        public MarginModel build() {
            return new PredictiveMargin(base.build(), windowReturns, refitEveryBlocks, horizonBlocks, Amounts.ppm(referenceVol),
                    Amounts.ppm(floor), Amounts.ppm(cap), Amounts.ppm(rebuildThreshold));
        }
    }

    /** The governance lever {@code margin.scale_ppm}: both fractions × scale, within [min, max]. */
    record Scaled(MarginSpec base, double initial, double min, double max) implements MarginSpec {
        public Scaled {
            Check.required("margin.base", base);
            Check.positive("margin.initial", initial);
            if (!(min > 0 && min <= initial && initial <= max)) {
                throw new IllegalArgumentException("margin: need 0 < min ≤ initial ≤ max, got " + min + ", " + initial + ", " + max);
            }
        }

        @Override
        public MarginModel build() {
            return new ScaledMargin(base.build(), Amounts.ppm(initial), Amounts.ppm(min), Amounts.ppm(max));
        }
    }
}
