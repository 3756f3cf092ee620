package backstop.experiments.design;

import backstop.model.spec.Doc;
import backstop.protocol.liquidation.PenaltySplit;
import backstop.protocol.money.Amounts;

/** A liquidation's penalty on closed notional and the keeper's share of it (the rest goes to the insurance fund). */
public record Penalty(
        @Doc(value = "penalty charged on the notional a liquidation closes (0.015 = 1.5%)", unit = "fraction",
                range = "[0, 1]", absent = "0") double rate,
        @Doc(value = "share of the penalty paid to the keeper; the rest goes to the insurance fund", unit = "fraction",
                range = "[0, 1]", absent = "0") double keeperShare) {
    PenaltySplit split() {
        return new PenaltySplit(Amounts.ppm(rate), Amounts.ppm(keeperShare));
    }
}
