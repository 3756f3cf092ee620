package backstop.protocol.liquidation;

import backstop.protocol.money.Amounts;

/**
 * How a liquidation is charged: {@code penaltyPpm} of the closed notional is taken from the account (never
 * more than it has left), {@code liquidatorSharePpm} of that goes to the keeper who called, if any, and the
 * rest to the insurance fund. dYdX: 1.5% all to the fund; Hyperliquid book liquidations: none.
 */
public record PenaltySplit(long penaltyPpm, long liquidatorSharePpm) {
    public static final PenaltySplit NONE = new PenaltySplit(0, 0);

    public PenaltySplit {
        if (penaltyPpm < 0 || penaltyPpm > Amounts.PPM || liquidatorSharePpm < 0 || liquidatorSharePpm > Amounts.PPM) {
            throw new IllegalArgumentException("penalty: need 0 ≤ penaltyPpm ≤ 1e6 and 0 ≤ liquidatorSharePpm ≤ 1e6, got "
                    + penaltyPpm + ", " + liquidatorSharePpm);
        }
    }

    /** The whole penalty to the insurance fund. */
    public static PenaltySplit toInsurance(long penaltyPpm) {
        return new PenaltySplit(penaltyPpm, 0);
    }
}
