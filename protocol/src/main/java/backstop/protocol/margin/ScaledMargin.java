package backstop.protocol.margin;

import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.market.Market;
import backstop.protocol.money.Amounts;

import java.util.List;

/**
 * The governance lever on margins: both fractions of the base model are multiplied by the tunable parameter
 * {@value #PARAMETER} (1000000 = 1×), rounded up and capped at 100%. A change takes effect at the end of the
 * block it is made in, when {@link #update} adopts it and reports it so the risk index is rebuilt; until
 * then the scale in force stays the old one, so the index is never stale. Put this outermost: it registers
 * and updates the model it wraps.
 */
public final class ScaledMargin implements MarginModel, Tunable {
    /** Name of the scale parameter. */
    public static final String PARAMETER = "margin.scale_ppm";

    private final MarginModel base;
    private final long initialScalePpm;
    private final long minScalePpm;
    private final long maxScalePpm;
    private Parameter scale;
    private long inForce;

    /**
     * @param base            the model whose fractions are scaled
     * @param initialScalePpm starting value of {@value #PARAMETER}, ppm of 1×
     * @param minScalePpm     lowest value governance may set, ppm of 1× (> 0)
     * @param maxScalePpm     highest value governance may set, ppm of 1×
     */
    public ScaledMargin(MarginModel base, long initialScalePpm, long minScalePpm, long maxScalePpm) {
        if (minScalePpm <= 0 || initialScalePpm < minScalePpm || maxScalePpm < initialScalePpm) {
            throw new IllegalArgumentException("minScalePpm, initialScalePpm, maxScalePpm: need 0 < min ≤ initial ≤ max, got "
                    + minScalePpm + ", " + initialScalePpm + ", " + maxScalePpm);
        }
        this.base = base;
        this.initialScalePpm = initialScalePpm;
        this.minScalePpm = minScalePpm;
        this.maxScalePpm = maxScalePpm;
        this.inForce = initialScalePpm;
    }

    /** Starts at 1×; governance may set it anywhere in [0.5×, 10×]. */
    public ScaledMargin(MarginModel base) {
        this(base, Amounts.PPM, 500_000, 10_000_000);
    }

    @Override
    public void register(Parameters parameters) {
        if (base instanceof Tunable t) {
            t.register(parameters);
        }
        scale = parameters.define(PARAMETER, "multiplier on initial and maintenance margin fractions, ppm (1000000 = 1x)",
                initialScalePpm, minScalePpm, maxScalePpm);
        inForce = scale.value();
    }

    @Override
    public String name() {
        return "scaled(" + base.name() + ")";
    }

    /** The scale in force, ppm of 1×. */
    public long scalePpm() {
        return inForce;
    }

    @Override
    public long initialPpm(Market market, long absNotional) {
        return LatchedScales.apply(base.initialPpm(market, absNotional), inForce);
    }

    @Override
    public long maintenancePpm(Market market, long absNotional) {
        return LatchedScales.apply(base.maintenancePpm(market, absNotional), inForce);
    }

    @Override
    public long maintenanceStableUpTo(Market market, long absNotional) {
        return base.maintenanceStableUpTo(market, absNotional);
    }

    /** Adopts the parameter's current value; true if it differs from the one in force or the base changed. */
    @Override
    public boolean update(List<Market> markets, long now) {
        boolean changed = base.update(markets, now);
        if (scale != null && scale.value() != inForce) {
            inForce = scale.value();
            changed = true;
        }
        return changed;
    }
}
