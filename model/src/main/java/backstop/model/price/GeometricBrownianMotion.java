package backstop.model.price;

import ec.util.MersenneTwisterFast;

/** GBM: log-return = (μ − σ²/2)·dt + σ·√dt·z, with μ and σ annualised. */
public final class GeometricBrownianMotion implements PriceProcess {
    private final double mu;
    private final double sigma;

    public GeometricBrownianMotion(double mu, double sigma) {
        if (!(sigma >= 0) || !Double.isFinite(mu)) {
            throw new IllegalArgumentException("gbm: need finite mu and sigma ≥ 0, got " + mu + ", " + sigma);
        }
        this.mu = mu;
        this.sigma = sigma;
    }

    @Override
    public double logReturn(double dt, double z, MersenneTwisterFast rng) {
        double t = dt / YEAR;
        return (mu - 0.5 * sigma * sigma) * t + sigma * Math.sqrt(t) * z;
    }
}
