package backstop.protocol.liquidation;

import backstop.protocol.parameters.Parameters;
import backstop.protocol.money.Amounts;

/**
 * A policy's liquidation penalty as governance sees it: the rate is the registered parameter
 * {@code liquidation.penalty_ppm} (changeable mid-run), the keeper's share of it stays as configured.
 */
final class GovernedPenalty {
    private final GovernedSetting rate;
    private final long liquidatorSharePpm;

    GovernedPenalty(PenaltySplit initial) {
        this.rate = new GovernedSetting("liquidation.penalty_ppm", "penalty.penaltyPpm",
                "share of the closed notional charged as liquidation penalty (ppm)", initial.penaltyPpm(), 0, Amounts.PPM);
        this.liquidatorSharePpm = initial.liquidatorSharePpm();
    }

    void register(Parameters parameters) {
        rate.register(parameters);
    }

    /** The penalty now. */
    PenaltySplit current() {
        return new PenaltySplit(rate.get(), liquidatorSharePpm);
    }
}
