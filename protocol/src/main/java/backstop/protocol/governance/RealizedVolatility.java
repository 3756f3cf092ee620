package backstop.protocol.governance;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.margin.EwmaVolatility;
import backstop.protocol.money.Amounts;

/**
 * Annualised EWMA volatility of one market's oracle price ({@link EwmaVolatility}: one return per block,
 * normalised per second), in ppm (800000 = 80%/yr), rounded up. Samples once per block however often it is
 * read.
 */
public final class RealizedVolatility implements Observable {
    private final int market;
    private final EwmaVolatility vol;
    private long lastBlock = Long.MIN_VALUE;

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
        if (ctx.block() != lastBlock) {
            lastBlock = ctx.block();
            vol.sample(ctx.market(market).oraclePrice(), ctx.now());
        }
        return (long) Math.ceil(vol.annualized() * Amounts.PPM);
    }
}
