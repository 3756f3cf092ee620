package backstop.experiments.design;

import backstop.experiments.config.Mechanism;
import backstop.model.spec.Check;
import backstop.model.spec.Doc;
import backstop.protocol.liquidation.BankruptcyLimit;
import backstop.protocol.liquidation.FillablePrice;
import backstop.protocol.liquidation.LiquidationLimit;
import backstop.protocol.liquidation.SlippageLimit;
import backstop.protocol.money.Amounts;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The price limit of each liquidation order, chosen by {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface LimitSpec {
    LiquidationLimit build();

    @Mechanism(name = "slippage", summary = "a band around the oracle", example = "{slippage: 0.05}")
    record Slippage(@Doc(value = "orders are limited this far from the oracle (0.05 = 5%)", unit = "fraction",
            range = "(0, 1]") double slippage) implements LimitSpec {
        public Slippage {
            Check.positive("liquidation.limit.slippage", slippage);
        }

        @Override
        public LiquidationLimit build() {
            return new SlippageLimit(Amounts.ppm(slippage));
        }
    }

    @Mechanism(name = "fillable-price",
            summary = "dYdX's fillable price P × (1 − SMMR·MMF·BA·(1 − Q))",
            example = "{spread_to_maintenance: 1.5, bankruptcy_adjustment: 1}")
    record Fillable(
            @Doc(value = "SMMR, the spread-to-maintenance-margin ratio (dYdX: 1.5)", unit = "×", range = "[0, ∞)")
            double spreadToMaintenance,
            @Doc(value = "BA, the bankruptcy adjustment (dYdX: 1)", unit = "×", range = "[1, ∞)")
            double bankruptcyAdjustment) implements LimitSpec {
        public Fillable {
            if (!(bankruptcyAdjustment >= 1)) {
                throw new IllegalArgumentException("liquidation.limit.bankruptcy_adjustment: must be ≥ 1, got " + bankruptcyAdjustment);
            }
        }

        @Override
        public LiquidationLimit build() {
            return new FillablePrice(Amounts.ppm(spreadToMaintenance), Amounts.ppm(bankruptcyAdjustment));
        }
    }

    @Mechanism(name = "bankruptcy-price",
            summary = "never beyond the position's bankruptcy price (BitMEX, Binance): the rest goes to the fund or "
                    + "ADL")
    record Bankruptcy() implements LimitSpec {
        @Override
        public LiquidationLimit build() {
            return new BankruptcyLimit();
        }
    }
}
