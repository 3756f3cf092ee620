package backstop.model.price;

import backstop.model.spec.Check;
import backstop.model.spec.Doc;

/**
 * A price process as data (what a scenario file names); {@link #build()} makes a fresh, stateful process.
 * Drift and volatility are annualised; GARCH parameters are per block.
 */
public sealed interface ProcessSpec {
    PriceProcess build();

    /** An annualised volatility: 0 to 100 (10,000% a year, far beyond any market). */
    private static void volatility(String field, double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException(field + ": must be an annualised volatility in [0, 100], got " + value);
        }
    }

    /** An annualised drift: −100 to 100 (continuously compounded, a factor of e^±100 a year). */
    private static void drift(String field, double value) {
        if (!(Math.abs(value) <= 100)) {
            throw new IllegalArgumentException(field + ": must be an annualised drift in [-100, 100], got " + value);
        }
    }

    /** Geometric Brownian motion. */
    @Doc("geometric Brownian motion")
    record Gbm(
            @Doc(value = "annualised drift, continuously compounded", unit = "per year", range = "[-100, 100]") double mu,
            @Doc(value = "annualised volatility (0.6 = 60%/yr)", unit = "fraction per year", range = "[0, 100]") double sigma)
            implements ProcessSpec {
        public Gbm {
            drift("mu", mu);
            volatility("sigma", sigma);
        }

        @Override
        public PriceProcess build() {
            return new GeometricBrownianMotion(mu, sigma);
        }
    }

    /** Merton jump-diffusion: λ jumps per year with normal(jumpMean, jumpStd) log sizes. */
    @Doc("Merton jump-diffusion: Poisson jumps with normal log sizes")
    record Merton(
            @Doc(value = "annualised drift, continuously compounded", unit = "per year", range = "[-100, 100]") double mu,
            @Doc(value = "annualised volatility (0.6 = 60%/yr)", unit = "fraction per year", range = "[0, 100]") double sigma,
            @Doc(value = "jumps per year", unit = "per year", range = "[0, ∞)") double lambda,
                  @Doc(value = "mean log size of a jump (−0.1 ≈ a 10% fall)", unit = "log return", range = "[-10, 10]")
                  double jumpMean,
                  @Doc(value = "standard deviation of a jump's log size", unit = "log return", range = "[0, ∞)")
                  double jumpStd) implements ProcessSpec {
        public Merton {
            drift("mu", mu);
            volatility("sigma", sigma);
            Check.nonNegative("lambda", lambda);
            if (!(Math.abs(jumpMean) <= 10)) {
                throw new IllegalArgumentException("jump_mean: must be a log jump in [-10, 10], got " + jumpMean);
            }
            Check.nonNegative("jump_std", jumpStd);
        }

        @Override
        public PriceProcess build() {
            return new MertonJumpDiffusion(mu, sigma, lambda, jumpMean, jumpStd);
        }
    }

    /** GARCH(1,1) per block. */
    @Doc("GARCH(1,1) returns, per block: σ²' = omega + alpha·r² + beta·σ²")
    record Garch(@Doc(value = "constant term of the per-block variance", unit = "variance per block", range = "(0, 1)")
                 double omega,
                 @Doc(value = "weight of the last squared return; alpha + beta < 1", unit = "fraction", range = "[0, 1)")
                 double alpha,
                 @Doc(value = "weight of the last variance; alpha + beta < 1", unit = "fraction", range = "[0, 1)")
                 double beta) implements ProcessSpec {
        public Garch {
            if (!(omega > 0 && omega < 1)) {
                throw new IllegalArgumentException("omega: must be in (0, 1) (a variance per block), got " + omega);
            }
            Check.nonNegative("alpha", alpha);
            Check.nonNegative("beta", beta);
            if (!(alpha + beta < 1)) {
                throw new IllegalArgumentException("alpha + beta: must be < 1 (stationary), got " + (alpha + beta));
            }
        }

        @Override
        public PriceProcess build() {
            return new Garch11Process(omega, alpha, beta);
        }
    }

    /** Two regimes switching at annual rates. */
    @Doc("two processes, switching between a calm and a stressed regime at annual rates")
    record Regime(@Doc(value = "the process of the calm regime (the starting one)", absent = "required") ProcessSpec calm,
                  @Doc(value = "the process of the stressed regime", absent = "required") ProcessSpec stressed,
                  @Doc(value = "rate of switching from calm to stressed", unit = "per year", range = "[0, ∞)")
                  double calmToStress,
                  @Doc(value = "rate of switching from stressed to calm", unit = "per year", range = "[0, ∞)")
                  double stressToCalm) implements ProcessSpec {
        public Regime {
            Check.required("calm", calm);
            Check.required("stressed", stressed);
            Check.nonNegative("calm_to_stress", calmToStress);
            Check.nonNegative("stress_to_calm", stressToCalm);
        }

        @Override
        public PriceProcess build() {
            return new RegimeSwitching(calm.build(), stressed.build(), calmToStress, stressToCalm);
        }
    }

    /** A base process with a Brownian-bridge drawdown of {@code drawdown} between start and start + duration (seconds). */
    @Doc("a base process with a scripted Brownian-bridge drawdown")
    record Stress(@Doc(value = "the process outside the drawdown", absent = "required") ProcessSpec base,
                  @Doc(value = "when the drawdown begins", unit = "seconds", range = "[0, ∞)") double start,
                  @Doc(value = "how long the drawdown takes", unit = "seconds", range = "(0, ∞)") double duration,
                  @Doc(value = "the fall over the drawdown (0.5 = −50%; negative: a rise)", unit = "fraction",
                          range = "(-10, 1)") double drawdown,
                  @Doc(value = "annualised volatility around the bridge", unit = "fraction per year", range = "[0, 100]")
                  double sigma) implements ProcessSpec {
        public Stress {
            Check.required("base", base);
            Check.nonNegative("start", start);
            Check.positive("duration", duration);
            if (!(drawdown > -10 && drawdown < 1)) {
                throw new IllegalArgumentException("drawdown: must be in (−10, 1) (a fall of less than 100%; negative: a rise),"
                        + " got " + drawdown);
            }
            volatility("sigma", sigma);
        }

        @Override
        public PriceProcess build() {
            return new StressPath(base.build(), start, duration, drawdown, sigma);
        }
    }
}
