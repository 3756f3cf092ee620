package backstop.protocol.margin;

import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.market.Market;
import backstop.protocol.money.Amounts;

/**
 * A base model whose initial and maintenance fractions are multiplied by a per-market scale that an adaptive
 * model sets (σ / σ_ref for volatility scaling, σ_forecast / σ_ref for predictive margin). Scales are latched
 * ({@link LatchedScales}): a proposal moves the scale in force only beyond the rebuild threshold.
 */
abstract class MarketScaledMargin implements MarginModel, Tunable {
    protected final MarginModel base;
    protected final double referenceVol;
    protected final LatchedScales scales;

    MarketScaledMargin(MarginModel base, long referenceVolPpm, long floorPpm, long capPpm, long rebuildThresholdPpm) {
        if (referenceVolPpm <= 0) {
            throw new IllegalArgumentException("referenceVolPpm: must be > 0, got " + referenceVolPpm);
        }
        this.base = base;
        this.referenceVol = referenceVolPpm / (double) Amounts.PPM;
        this.scales = new LatchedScales(floorPpm, capPpm, rebuildThresholdPpm);
    }

    /** The scale in force for a market, ppm of 1×. */
    public long scalePpm(int market) {
        return scales.of(market);
    }

    @Override
    public long initialPpm(Market market, long absNotional) {
        return LatchedScales.apply(base.initialPpm(market, absNotional), scales.of(market.id()));
    }

    @Override
    public long maintenancePpm(Market market, long absNotional) {
        return LatchedScales.apply(base.maintenancePpm(market, absNotional), scales.of(market.id()));
    }

    @Override
    public long maintenanceStableUpTo(Market market, long absNotional) {
        // A uniform, monotone scale keeps the base model's tier ceilings.
        return base.maintenanceStableUpTo(market, absNotional);
    }

    @Override
    public void register(Parameters parameters) {
        if (base instanceof Tunable t) {
            t.register(parameters);
        }
    }
}
