package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.money.Amounts;

/** A limit a fixed fraction away from the oracle on the closing side, as {@link FullCloseLiquidation} uses. */
public final class SlippageLimit implements LiquidationLimit {
    private final long slippagePpm;

    /** {@code slippagePpm}: distance from the oracle, ppm of the oracle price, in (0, 1e6). */
    public SlippageLimit(long slippagePpm) {
        if (slippagePpm <= 0 || slippagePpm >= Amounts.PPM) {
            throw new IllegalArgumentException("slippagePpm: must be in (0, 1000000), got " + slippagePpm);
        }
        this.slippagePpm = slippagePpm;
    }

    public long slippagePpm() {
        return slippagePpm;
    }

    @Override
    public String name() {
        return "slippage";
    }

    @Override
    public long limit(ProtocolContext ctx, int account, int market) {
        long close = -ctx.accounts().size(account, market);
        return LiquidationStep.limitAround(ctx.market(market), close, slippagePpm);
    }
}
