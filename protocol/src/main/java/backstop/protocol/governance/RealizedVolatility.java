package backstop.protocol.governance;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.margin.EwmaVolatility;
import backstop.protocol.money.Amounts;

/**
 * Annualised EWMA volatility of one market's oracle price ({@link EwmaVolatility}: returns normalised per
 * second), in ppm (800000 = 80%/yr), rounded up. Each read samples the oracle — controllers read every block,
 * so that is one return per block — and reads at the same block time add nothing.
 */
public final class RealizedVolatility implements Observable {
    private final int market;
    private final EwmaVolatility vol;

    /**
     * @param market              market id
     * @param lambdaPpm           EWMA decay per block, ppm in [0, 1000000) (RiskMetrics: 940000)
     * @param initialAnnualVolPpm volatility the average starts from, ppm of annualised σ
     */
    public RealizedVolatility(int market, long lambdaPpm, long initialAnnualVolPpm) {
        if (market < 0) {
            throw new IllegalArgumentException("market: must be ≥ 0, got " + market);
        }
        this.market = market;
        this.vol = new EwmaVolatility(lambdaPpm, initialAnnualVolPpm);
    }

    @Override
    public String name() {
        return "realized_vol:" + market;
    }

    @Override
    public long observe(ProtocolContext ctx) {
        vol.sample(ctx.market(market).oraclePrice(), ctx.now());
        return (long) Math.ceil(vol.annualized() * Amounts.PPM);
    }
}
