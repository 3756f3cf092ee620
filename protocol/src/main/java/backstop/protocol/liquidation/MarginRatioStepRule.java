package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.money.Amounts;

/**
 * Perpetual Protocol v1's steps (MECHANISMS.md §5): "as long as your margin ratio is above 2.5%, only 25% of
 * your position will be liquidated"; at or below it the whole position goes. The margin ratio is the
 * account's value over the total notional of its positions at the margin price (Perp v1 margins each
 * position alone; for a one-position account the two agree). The closed lots are rounded up, at least one.
 */
public final class MarginRatioStepRule implements PartialCloseRule, Tunable {
    private final GovernedSetting fraction;
    private final GovernedSetting fullCloseRatio;

    /**
     * {@code fractionPpm}: share of the position closed per step (ppm, (0, 1e6]); {@code fullCloseMarginRatioPpm}:
     * at or below this margin ratio (ppm) the whole position goes.
     */
    public MarginRatioStepRule(long fractionPpm, long fullCloseMarginRatioPpm) {
        this.fraction = new GovernedSetting("liquidation.partial_fraction_ppm", "fractionPpm",
                "share of a position one partial liquidation step closes (ppm)", fractionPpm, 1, Amounts.PPM);
        this.fullCloseRatio = new GovernedSetting("liquidation.full_close_margin_ratio_ppm", "fullCloseMarginRatioPpm",
                "at or below this margin ratio a step closes the whole position (ppm)", fullCloseMarginRatioPpm, 0,
                Amounts.PPM);
    }

    /** Perpetual Protocol v1: 25% steps while the margin ratio is above 2.5%. */
    public static MarginRatioStepRule perpV1() {
        return new MarginRatioStepRule(250_000, 25_000);
    }

    @Override
    public String name() {
        return "margin-ratio-steps";
    }

    @Override
    public void register(Parameters parameters) {
        fraction.register(parameters);
        fullCloseRatio.register(parameters);
    }

    @Override
    public long lotsToClose(ProtocolContext ctx, int account, int market, long limitPrice, long penaltyPpm) {
        long abs = Math.abs(ctx.accounts().size(account, market));
        long total = 0;
        for (long mask = ctx.accounts().positionMask(account); mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            total += Math.abs(ctx.market(m).spec().notional(ctx.accounts().size(account, m), ctx.margin().marginPrice(m)));
        }
        // ratio > r ⇔ V > ⌊r·N⌋ (V is whole micros)
        boolean above = ctx.risk(account).value() > Amounts.mulDivFloor(total, fullCloseRatio.get(), Amounts.PPM);
        if (!above) {
            return abs;
        }
        return Math.min(abs, Math.max(1, Amounts.mulDivCeil(abs, fraction.get(), Amounts.PPM)));
    }
}
