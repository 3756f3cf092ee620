package backstop.experiments.design;

import backstop.protocol.liquidation.FullCloseLiquidation;
import backstop.protocol.liquidation.LiquidationPolicy;
import backstop.protocol.liquidation.PenaltySplit;
import backstop.protocol.money.Amounts;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The liquidation policy of a design, chosen by {@code type}. Fractions are decimals (0.015 = 1.5%). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LiquidationSpec.FullClose.class, name = "full-close"),
})
public sealed interface LiquidationSpec {
    /** A fresh policy for one protocol instance. */
    LiquidationPolicy build();

    /** Who starts a liquidation. */
    enum Trigger { PROTOCOL, KEEPER }

    /** Penalty on closed notional and the keeper's share of it (the rest goes to the insurance fund). */
    record Penalty(double rate, double keeperShare) {
        public Penalty {
            Check.fraction("penalty.rate", rate);
            Check.fraction("penalty.keeper_share", keeperShare);
        }

        PenaltySplit split() {
            return new PenaltySplit(Amounts.ppm(rate), Amounts.ppm(keeperShare));
        }
    }

    /** Close every position into the book at once, bounded {@code slippage} from the oracle. */
    record FullClose(Penalty penalty, double slippage, Trigger trigger) implements LiquidationSpec {
        public FullClose {
            Check.required("liquidation.penalty", penalty);
            Check.positive("liquidation.slippage", slippage);
            Check.fraction("liquidation.slippage", slippage);
            trigger = trigger == null ? Trigger.PROTOCOL : trigger;
        }

        @Override
        public LiquidationPolicy build() {
            return new FullCloseLiquidation(penalty.split(), Amounts.ppm(slippage), trigger == Trigger.PROTOCOL);
        }
    }
}
