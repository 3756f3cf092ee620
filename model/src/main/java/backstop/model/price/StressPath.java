package backstop.model.price;

import ec.util.MersenneTwisterFast;

/**
 * A stress episode pinned by a Brownian bridge (Gauntlet's method, MECHANISMS.md §9): from {@code start}
 * seconds, over {@code duration} seconds, the log-price moves by exactly ln(1 − drawdown) along a bridge
 * with volatility σ; before and after, the base process applies. Each step:
 * x' = x + (target − x)·dt/τ + σ·√(dt·(τ − dt)/τ)·z, τ the time left, so the bridge lands on the target.
 */
public final class StressPath implements PriceProcess {
    private final PriceProcess base;
    private final double start;
    private final double end;
    private final double target;
    private final double sigma;
    private double clock;
    private double deviation;

    /** {@code sigma} is annualised; {@code drawdown} in (0, 1), e.g. 0.5 for Black Thursday's −50%. */
    public StressPath(PriceProcess base, double start, double duration, double drawdown, double sigma) {
        if (!(duration > 0) || !(drawdown > -10 && drawdown < 1) || !(sigma >= 0) || !(start >= 0)) {
            throw new IllegalArgumentException("stress path: need start ≥ 0, duration > 0, drawdown < 1, sigma ≥ 0");
        }
        this.base = base;
        this.start = start;
        this.end = start + duration;
        this.target = Math.log(1 - drawdown);
        this.sigma = sigma;
    }

    @Override
    public double logReturn(double dt, double z, MersenneTwisterFast rng) {
        double from = clock;
        clock += dt;
        if (clock <= start || from >= end) {
            return base.logReturn(dt, z, rng);
        }
        double step = Math.min(clock, end) - Math.max(from, start);
        double tau = end - Math.max(from, start);
        double next = step >= tau
                ? target
                : deviation + (target - deviation) * step / tau + sigma * Math.sqrt(step / YEAR * (tau - step) / tau) * z;
        double r = next - deviation;
        deviation = next;
        return r;
    }
}
