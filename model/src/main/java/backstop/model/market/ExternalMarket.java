package backstop.model.market;

/**
 * The external (spot) venue the oracle reads: its price is the exogenous reference price times
 * exp(impact). Trades that reach it — hedges, arbitrage, liquidations passed on by keepers — add impact,
 * which decays with a half-life (resilience). This is the loop that turns a drop into a cascade.
 */
public final class ExternalMarket {
    private final ImpactShape shape;
    private final double coefficient;
    private final double halfLifeSeconds;
    private final double baseDepth;
    private double depth;
    private double impact;
    private double reference;
    private double tradedNotional;

    /**
     * @param depth           quote notional that moves the log-price by {@code coefficient} (linear) — the
     *                        market's depth; it may be lowered later to model liquidity withdrawal
     * @param halfLifeSeconds how fast impact decays; +∞ for permanent impact
     */
    public ExternalMarket(double reference, ImpactShape shape, double coefficient, double depth, double halfLifeSeconds) {
        if (!(reference > 0) || !(coefficient >= 0) || !(depth > 0) || !(halfLifeSeconds > 0)) {
            throw new IllegalArgumentException("external market: need reference > 0, coefficient ≥ 0, depth > 0, half-life > 0");
        }
        this.reference = reference;
        this.shape = shape;
        this.coefficient = coefficient;
        this.depth = depth;
        this.baseDepth = depth;
        this.halfLifeSeconds = halfLifeSeconds;
    }

    /** The venue's price now. */
    public double price() {
        return reference * Math.exp(impact);
    }

    /** The exogenous price without impact. */
    public double reference() {
        return reference;
    }

    /** Current log-impact. */
    public double impact() {
        return impact;
    }

    /** Sets the exogenous reference price (environment phase). */
    public void setReference(double price) {
        if (!(price > 0)) {
            throw new IllegalArgumentException("reference price must be > 0, got " + price);
        }
        this.reference = price;
    }

    /** Impact decays over {@code dt} seconds. */
    public void decay(double dt) {
        if (Double.isFinite(halfLifeSeconds)) {
            impact *= Math.pow(0.5, dt / halfLifeSeconds);
        }
    }

    /**
     * Executes {@code notional} quote (positive buys, negative sells) against the venue; returns the average
     * execution price (midway between the price before and after, a linear-impact approximation).
     */
    public double trade(double notional) {
        double before = price();
        double x = notional / depth;
        impact += shape == ImpactShape.LINEAR
                ? coefficient * x
                : coefficient * Math.signum(x) * Math.sqrt(Math.abs(x));
        tradedNotional += Math.abs(notional);
        return 0.5 * (before + price());
    }

    /** Total absolute notional traded here so far. */
    public double tradedNotional() {
        return tradedNotional;
    }

    /** Sets the depth to {@code factor} × the initial depth (e.g. 0.2 while liquidity is withdrawn in a crisis). */
    public void setDepthFactor(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("depth factor must be > 0, got " + factor);
        }
        depth = baseDepth * factor;
    }

    public double depth() {
        return depth;
    }
}
