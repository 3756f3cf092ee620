package backstop.experiments.design;

import backstop.experiments.config.Mechanism;
import backstop.model.spec.Check;
import backstop.model.spec.Doc;
import backstop.protocol.margin.MarginModel;
import backstop.protocol.margin.OiScaledMargin;
import backstop.protocol.margin.PredictiveMargin;
import backstop.protocol.margin.ScaledMargin;
import backstop.protocol.margin.TieredMargin;
import backstop.protocol.margin.VolatilityScaledMargin;
import backstop.protocol.money.Amounts;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The margin model of a design, chosen by {@code type}. Adaptive models wrap a {@code base}; volatilities are
 * annualised decimals (0.8 = 80%), scales are multiples (1.5 = 1.5×).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface MarginSpec {
    /** A fresh model for one protocol instance. */
    MarginModel build();

    @Mechanism(name = "tiered", summary = "each market's own margin tiers (a single tier is fixed margin)")
    record Tiered() implements MarginSpec {
        @Override
        public MarginModel build() {
            return new TieredMargin();
        }
    }

    @Mechanism(name = "oi-scaled",
            summary = "dYdX: the tiers, initial margin scaled up by open interest between each market's caps",
            builtName = "oi-scaled(tiered)")
    record OiScaled() implements MarginSpec {
        @Override
        public MarginModel build() {
            return new OiScaledMargin(new TieredMargin());
        }
    }

    @Mechanism(name = "volatility-scaled",
            summary = "both margin fractions × clamp(EWMA volatility / reference_vol, floor, cap)",
            example = "{base: {type: tiered}, lambda: 0.94, reference_vol: 0.8, floor: 1, cap: 3, rebuild_threshold: "
                    + "0.05}",
            builtName = "volatility-scaled({base})")
    record VolatilityScaled(
            @Doc(value = "the margin model whose fractions are scaled", absent = "required") MarginSpec base,
            @Doc(value = "EWMA decay of squared per-block oracle returns (RiskMetrics λ: 0.94)", unit = "fraction",
                    range = "[0, 1)") double lambda,
            @Doc(value = "the annualised volatility at which the scale is 1× (0.8 = 80%/yr)", unit = "fraction per year",
                    range = "(0, ∞)") double referenceVol,
            @Doc(value = "lowest scale (1: never below the base fractions)", unit = "×", range = "(0, ∞)") double floor,
            @Doc(value = "highest scale, ≥ floor; the fractions are also capped at 100%", unit = "×", range = "(0, ∞)")
            double cap,
            @Doc(value = "relative move of a market's scale needed to change the scale in force (0.05 = 5%)",
                    unit = "fraction", range = "[0, 1]") double rebuildThreshold) implements MarginSpec {
        public VolatilityScaled {
            Check.required("margin.base", base);
            Check.positive("margin.reference_vol", referenceVol);
            Check.positive("margin.floor", floor);
            if (!(cap >= floor)) {
                throw new IllegalArgumentException("margin.cap: must be ≥ floor, got " + cap);
            }
        }

        @Override
        public MarginModel build() {
            return new VolatilityScaledMargin(base.build(), Amounts.ppm(lambda), Amounts.ppm(referenceVol), Amounts.ppm(floor),
                    Amounts.ppm(cap), Amounts.ppm(rebuildThreshold));
        }
    }

    @Mechanism(name = "predictive",
            summary = "both margin fractions × clamp(GARCH(1,1) volatility forecast / reference_vol, floor, cap)",
            example = "{base: {type: tiered}, window_returns: 100, refit_every_blocks: 20, horizon_blocks: 10, "
                    + "reference_vol: 0.8, floor: 1, cap: 3, rebuild_threshold: 0.05}",
            builtName = "predictive({base})")
    record Predictive(
            @Doc(value = "the margin model whose fractions are scaled", absent = "required") MarginSpec base,
            @Doc(value = "per-block returns the GARCH fit looks back over (e.g. 500)", unit = "returns",
                    range = "[" + PredictiveMargin.MIN_RETURNS + ", ∞)") int windowReturns,
            @Doc(value = "blocks between refits of the GARCH model (e.g. 100)", unit = "blocks", range = "[1, ∞)")
            int refitEveryBlocks,
            @Doc(value = "blocks the variance forecast is averaged over (e.g. 10)", unit = "blocks", range = "[1, ∞)")
            int horizonBlocks,
            @Doc(value = "the annualised volatility at which the scale is 1× (0.8 = 80%/yr)", unit = "fraction per year",
                    range = "(0, ∞)") double referenceVol,
            @Doc(value = "lowest scale; also the scale until the first fit", unit = "×", range = "(0, ∞)") double floor,
            @Doc(value = "highest scale; the fractions are also capped at 100%", unit = "×", range = "(0, ∞)") double cap,
            @Doc(value = "relative move of a market's scale needed to change the scale in force (0.05 = 5%)",
                    unit = "fraction", range = "[0, 1]") double rebuildThreshold) implements MarginSpec {
        public Predictive {
            Check.required("margin.base", base);
            Check.atLeast("margin.window_returns", windowReturns, PredictiveMargin.MIN_RETURNS);
            Check.atLeast("margin.refit_every_blocks", refitEveryBlocks, 1);
            Check.atLeast("margin.horizon_blocks", horizonBlocks, 1);
            Check.positive("margin.reference_vol", referenceVol);
            Check.positive("margin.floor", floor);
        }

        @Override
        public MarginModel build() {
            return new PredictiveMargin(base.build(), windowReturns, refitEveryBlocks, horizonBlocks, Amounts.ppm(referenceVol),
                    Amounts.ppm(floor), Amounts.ppm(cap), Amounts.ppm(rebuildThreshold));
        }
    }

    @Mechanism(name = "scaled",
            summary = "both margin fractions × the governance parameter margin.scale_ppm, which controllers move "
                    + "within [min, max]",
            example = "{base: {type: tiered}, initial: 1, min: 0.5, max: 3}",
            builtName = "scaled({base})")
    record Scaled(
            @Doc(value = "the margin model whose fractions are scaled", absent = "required") MarginSpec base,
            @Doc(value = "starting scale (1 = the base fractions)", unit = "×", range = "(0, ∞)") double initial,
            @Doc(value = "lowest scale governance may set, ≤ initial", unit = "×", range = "(0, ∞)") double min,
            @Doc(value = "highest scale governance may set, ≥ initial", unit = "×", range = "(0, ∞)") double max)
            implements MarginSpec {
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
