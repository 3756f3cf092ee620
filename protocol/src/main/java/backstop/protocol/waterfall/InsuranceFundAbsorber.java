package backstop.protocol.waterfall;

import backstop.protocol.ledger.PostingReason;
import backstop.protocol.liquidation.LiquidationContext;

/** The insurance fund pays what it holds toward a deficit (the fund backing the loss's market). */
public final class InsuranceFundAbsorber implements LossAbsorber {
    @Override
    public String name() {
        return "insurance-fund";
    }

    @Override
    public long absorb(LiquidationContext ctx, int account, int market, long deficit, long causeId) {
        int fund = ctx.insuranceFund(market);
        long paid = Math.min(deficit, ctx.ledger().balance(fund));
        ctx.post(fund, account, paid, PostingReason.INSURANCE_DRAW);
        return paid;
    }
}
