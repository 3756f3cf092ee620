package backstop.protocol.waterfall;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.AbsorberKind;
import backstop.protocol.ledger.PostingReason;

/** The insurance fund pays what it holds toward a deficit (the fund backing the loss's market). */
public final class InsuranceFundAbsorber implements LossAbsorber {
    @Override
    public String name() {
        return "insurance-fund";
    }

    @Override
    public AbsorberKind kind() {
        return AbsorberKind.INSURANCE;
    }

    @Override
    public long capacity(ProtocolContext ctx, int market) {
        return ctx.ledger().balance(ctx.insuranceFund(market));
    }

    @Override
    public long absorb(ProtocolContext ctx, int account, int market, long deficit, long causeId) {
        long paid = Math.min(deficit, capacity(ctx, market));
        ctx.post(ctx.insuranceFund(market), account, paid, PostingReason.INSURANCE_DRAW);
        return paid;
    }
}
