package backstop.experiments.design;

import backstop.experiments.config.Mechanism;
import backstop.model.spec.Doc;
import backstop.protocol.liquidation.CloseFactorRule;
import backstop.protocol.liquidation.MarginRatioStepRule;
import backstop.protocol.liquidation.PartialCloseRule;
import backstop.protocol.liquidation.TargetHealthRule;
import backstop.protocol.money.Amounts;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How much one step of a {@code partial} liquidation closes, chosen by {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface RuleSpec {
    PartialCloseRule build();

    @Mechanism(name = "target-health",
            summary = "close just enough to bring health back to target (Aave v4 target health factor)",
            example = "{target: 1.02}")
    record TargetHealth(@Doc(value = "the health factor a step restores (equity / maintenance margin)", unit = "×",
            range = "[1, 100]") double target) implements RuleSpec {
        public TargetHealth {
            if (!(target >= 1 && target <= 100)) {
                throw new IllegalArgumentException("liquidation.rule.target: must be in [1, 100], got " + target);
            }
        }

        @Override
        public PartialCloseRule build() {
            return new TargetHealthRule(Amounts.ppm(target));
        }
    }

    /**
     * Aave v3: close {@code closeFactor} of a position, all of it below {@code fullCloseHealth} or under
     * {@code fullCloseBelow} of notional, and never leave less than {@code minLeftover} (quote units).
     */
    @Mechanism(name = "close-factor",
            summary = "Aave v3: close a fixed share per step, all of it when health is low or the position small",
            example = "{close_factor: 0.5, full_close_health: 0.95, full_close_below: 2000, min_leftover: 1000}")
    record CloseFactor(
            @Doc(value = "share of the position one step closes (Aave: 0.5)", unit = "fraction", range = "[0, 1]")
            double closeFactor,
            @Doc(value = "below this health factor the whole position is closed (Aave: 0.95)", unit = "×",
                    range = "[0, ∞)") double fullCloseHealth,
            @Doc(value = "a position with less notional than this is closed whole", unit = "quote units",
                    range = "[0, ∞)") double fullCloseBelow,
            @Doc(value = "a step never leaves a position smaller than this; it closes all instead", unit = "quote units",
                    range = "[0, ∞)") double minLeftover)
            implements RuleSpec {
        @Override
        public PartialCloseRule build() {
            return new CloseFactorRule(Amounts.ppm(closeFactor), Amounts.ppm(fullCloseHealth),
                    Amounts.micros(Math.round(fullCloseBelow)), Amounts.micros(Math.round(minLeftover)));
        }
    }

    @Mechanism(name = "margin-ratio-steps",
            summary = "Perp v1: close a fixed share while the margin ratio is above a level, else all",
            example = "{fraction: 0.25, full_close_margin_ratio: 0.025}")
    record MarginRatioSteps(
            @Doc(value = "share of the position one step closes", unit = "fraction", range = "[0, 1]") double fraction,
            @Doc(value = "at or below this margin ratio (equity / notional) the whole position is closed",
                    unit = "fraction", range = "[0, 1]") double fullCloseMarginRatio) implements RuleSpec {
        @Override
        public PartialCloseRule build() {
            return new MarginRatioStepRule(Amounts.ppm(fraction), Amounts.ppm(fullCloseMarginRatio));
        }
    }
}
