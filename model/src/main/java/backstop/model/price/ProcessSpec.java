package backstop.model.price;

/**
 * A price process as data (what a scenario file names); {@link #build()} makes a fresh, stateful process.
 * Drift and volatility are annualised; GARCH parameters are per block.
 */
public sealed interface ProcessSpec {
    PriceProcess build();

    /** Geometric Brownian motion. */
    record Gbm(double mu, double sigma) implements ProcessSpec {
        @Override
        public PriceProcess build() {
            return new GeometricBrownianMotion(mu, sigma);
        }
    }

    /** Merton jump-diffusion: λ jumps per year with normal(jumpMean, jumpStd) log sizes. */
    record Merton(double mu, double sigma, double lambda, double jumpMean, double jumpStd) implements ProcessSpec {
        @Override
        public PriceProcess build() {
            return new MertonJumpDiffusion(mu, sigma, lambda, jumpMean, jumpStd);
        }
    }

    /** GARCH(1,1) per block. */
    record Garch(double omega, double alpha, double beta) implements ProcessSpec {
        @Override
        public PriceProcess build() {
            return new Garch11Process(omega, alpha, beta);
        }
    }

    /** Two regimes switching at annual rates. */
    record Regime(ProcessSpec calm, ProcessSpec stressed, double calmToStress, double stressToCalm) implements ProcessSpec {
        @Override
        public PriceProcess build() {
            return new RegimeSwitching(calm.build(), stressed.build(), calmToStress, stressToCalm);
        }
    }

    /** A base process with a Brownian-bridge drawdown of {@code drawdown} between start and start + duration (seconds). */
    record Stress(ProcessSpec base, double start, double duration, double drawdown, double sigma) implements ProcessSpec {
        @Override
        public PriceProcess build() {
            return new StressPath(base.build(), start, duration, drawdown, sigma);
        }
    }
}
