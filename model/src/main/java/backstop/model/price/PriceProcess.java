package backstop.model.price;

import ec.util.MersenneTwisterFast;

/**
 * An exogenous price process for one asset: each step turns a standard normal shock (already correlated
 * across assets by the caller) into a log-return over {@code dt} seconds. Processes may keep state
 * (volatility, regime), so each asset gets its own instance.
 */
public interface PriceProcess {
    /** Seconds in a (365-day) year: drift and volatility parameters are annualised. */
    double YEAR = 365.0 * 24 * 3600;

    /**
     * The log-return of the next {@code dt} seconds, given this asset's correlated standard normal shock
     * {@code z} and the asset's own stream {@code rng} for anything else (jumps, regime switches).
     */
    double logReturn(double dt, double z, MersenneTwisterFast rng);
}
