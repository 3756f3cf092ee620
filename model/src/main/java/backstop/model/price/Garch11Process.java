package backstop.model.price;

import ec.util.MersenneTwisterFast;

/**
 * GARCH(1,1) returns: σ²ₜ = ω + α·ε²ₜ₋₁ + β·σ²ₜ₋₁ and εₜ = σₜ·z, so calm and turbulent spells cluster. The
 * parameters are per step (one block), since GARCH does not aggregate over time; the variance starts at
 * its unconditional level ω / (1 − α − β).
 */
public final class Garch11Process implements PriceProcess {
    private final double omega;
    private final double alpha;
    private final double beta;
    private double variance;
    private double lastShock;

    public Garch11Process(double omega, double alpha, double beta) {
        if (!(omega > 0) || !(alpha >= 0) || !(beta >= 0) || !(alpha + beta < 1)) {
            throw new IllegalArgumentException("garch: need omega > 0, alpha, beta ≥ 0 and alpha + beta < 1, got "
                    + omega + ", " + alpha + ", " + beta);
        }
        this.omega = omega;
        this.alpha = alpha;
        this.beta = beta;
        this.variance = omega / (1 - alpha - beta);
    }

    @Override
    public double logReturn(double dt, double z, MersenneTwisterFast rng) {
        variance = omega + alpha * lastShock * lastShock + beta * variance;
        lastShock = Math.sqrt(variance) * z;
        return lastShock;
    }

    /** The conditional variance of the latest step. */
    public double variance() {
        return variance;
    }
}
