package backstop.protocol.liquidation;

import backstop.protocol.money.Amounts;

/**
 * What a keeper's {@code Liquidate} earns under the design's parameters now: a read-only view of the policy's
 * public parameters, the same numbers the policy pays with ({@link LiquidationPolicy#keeperReward}). One call
 * earns
 * <pre>  flat + liquidatorShare × min(penalty × closed notional, account value) + debtPpm × debt</pre>
 * where the middle term is the keeper's share of a book penalty ({@link LiquidationStep}) and the last is
 * Maker's chip × tab with tab = debt × (1 + chop) and debt = |notional| − account value ({@link AuctionKick}).
 * What the protocol pays may be less: Maker's incentives stop at what the insurance fund holds, Synthetix's flag
 * reward at what the account is worth, and a thin book closes less than the whole notional.
 *
 * @param flatMicros          flat reward per call, quote micros (Maker {@code tip} per auction, Synthetix flag reward
 *                            while the account is not yet flagged)
 * @param penaltyPpm          penalty charged on the closed notional, ppm
 * @param liquidatorSharePpm  the keeper's share of that penalty, ppm
 * @param debtPpm             reward per unit of the account's debt, ppm (Maker chip × (1 + chop))
 */
public record KeeperReward(long flatMicros, long penaltyPpm, long liquidatorSharePpm, long debtPpm) {
    /** Keepers earn nothing (or may not call). */
    public static final KeeperReward NONE = new KeeperReward(0, 0, 0, 0);

    public KeeperReward {
        if (flatMicros < 0 || penaltyPpm < 0 || liquidatorSharePpm < 0 || debtPpm < 0) {
            throw new IllegalArgumentException("keeper reward: every part must be ≥ 0, got " + flatMicros + ", "
                    + penaltyPpm + ", " + liquidatorSharePpm + ", " + debtPpm);
        }
    }

    /** The book-penalty reward of a policy charging {@code penalty}. */
    static KeeperReward of(PenaltySplit penalty) {
        return new KeeperReward(0, penalty.penaltyPpm(), penalty.liquidatorSharePpm(), 0);
    }

    /** Whether a call can earn anything at all. */
    public boolean pays() {
        return flatMicros > 0 || (penaltyPpm > 0 && liquidatorSharePpm > 0) || debtPpm > 0;
    }

    /**
     * The reward, quote micros, for liquidating in full an account whose positions are worth
     * {@code notionalMicros} (absolute, at the oracle) and whose value is {@code valueMicros}.
     */
    public long estimate(long notionalMicros, long valueMicros) {
        long notional = Math.max(0, notionalMicros);
        long charged = Math.max(0, Math.min(Amounts.ppmCeil(notional, penaltyPpm), valueMicros));
        long debt = Math.max(0, notional - Math.max(0, valueMicros));
        return flatMicros + Amounts.ppmFloor(charged, liquidatorSharePpm) + Amounts.ppmFloor(debt, debtPpm);
    }
}
