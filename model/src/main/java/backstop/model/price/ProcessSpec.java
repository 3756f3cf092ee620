package backstop.model.price;

import backstop.model.spec.Check;

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
    record Gbm(double mu, double sigma) implements ProcessSpec {
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
    record Merton(double mu, double sigma, double lambda, double jumpMean, double jumpStd) implements ProcessSpec {
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
    record Garch(double omega, double alpha, double beta) implements ProcessSpec {
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
    record Regime(ProcessSpec calm, ProcessSpec stressed, double calmToStress, double stressToCalm) implements ProcessSpec {
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
    record Stress(ProcessSpec base, double start, double duration, double drawdown, double sigma) implements ProcessSpec {
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
