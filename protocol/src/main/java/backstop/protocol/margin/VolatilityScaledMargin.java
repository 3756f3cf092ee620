package backstop.protocol.margin;

import backstop.protocol.market.Market;

import java.util.ArrayList;
import java.util.List;

/**
 * Volatility-scaled margin (DESIGN.md §4): both fractions of the base model are multiplied by
 * clamp(σ_ewma / σ_ref, floor, cap), where σ_ewma is the annualised EWMA volatility of the market's oracle
 * returns ({@link EwmaVolatility}: one return per block, normalised per second) and σ_ref the volatility at
 * which the base fractions apply. The average starts at σ_ref, i.e. at 1× (clamped). The scale in force
 * changes only when the new one moves more than the rebuild threshold (relative), so {@link #update} reports
 * rarely and the risk index is never stale. Scaling is the same for every tier, so tier ceilings are the
 * base model's. Wrap the base models inside (e.g. {@code new VolatilityScaledMargin(new OiScaledMargin(…))}):
 * {@link OiScaledMargin} does not pass {@code update} on to what it wraps.
 */
public final class VolatilityScaledMargin extends MarketScaledMargin {
    private final long lambdaPpm;
    private final long referenceVolPpm;
    private final List<EwmaVolatility> vol = new ArrayList<>();

    /**
     * @param base                the model whose fractions are scaled
     * @param lambdaPpm           EWMA decay per block, ppm in [0, 1000000) (RiskMetrics: 940000)
     * @param referenceVolPpm     σ_ref: annualised volatility, ppm (800000 = 80%/yr), at which the scale is 1×
     * @param floorPpm            lowest scale, ppm of 1× (e.g. 1000000: never below the base fractions)
     * @param capPpm              highest scale, ppm of 1× (e.g. 3000000); fractions are also capped at 100%
     * @param rebuildThresholdPpm relative move of a market's scale, ppm, needed to change it (50000 = 5%)
     */
    public VolatilityScaledMargin(MarginModel base, long lambdaPpm, long referenceVolPpm, long floorPpm, long capPpm,
                                  long rebuildThresholdPpm) {
        super(base, referenceVolPpm, floorPpm, capPpm, rebuildThresholdPpm);
        new EwmaVolatility(lambdaPpm, referenceVolPpm); // validates lambdaPpm
        this.lambdaPpm = lambdaPpm;
        this.referenceVolPpm = referenceVolPpm;
    }

    /** RiskMetrics λ = 0.94 per block, σ_ref as given, scale in [1×, 3×], 5% rebuild threshold. */
    public static VolatilityScaledMargin standard(MarginModel base, long referenceVolPpm) {
        return new VolatilityScaledMargin(base, 940_000, referenceVolPpm, 1_000_000, 3_000_000, 50_000);
    }

    @Override
    public String name() {
        return "volatility-scaled(" + base.name() + ")";
    }

    /** The market's current EWMA volatility, annualised (0.8 = 80%/yr); σ_ref before the first update. */
    public double volatility(int market) {
        return market < vol.size() ? vol.get(market).annualized() : referenceVol;
    }

    /** Samples each market's oracle once, updates its EWMA and proposes σ / σ_ref as its new scale. */
    @Override
    public boolean update(List<Market> markets, long now) {
        boolean changed = base.update(markets, now);
        for (Market m : markets) {
            while (vol.size() <= m.id()) {
                vol.add(new EwmaVolatility(lambdaPpm, referenceVolPpm));
            }
            EwmaVolatility v = vol.get(m.id());
            if (v.sample(m.oraclePrice(), now)) {
                changed |= scales.propose(m.id(), v.annualized() / referenceVol);
            }
        }
        return changed;
    }

}
