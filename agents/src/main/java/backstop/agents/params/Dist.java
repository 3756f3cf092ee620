package backstop.agents.params;

import ec.util.MersenneTwisterFast;

/**
 * A distribution an agent parameter is drawn from, so each population is heterogeneous. Draws use the
 * population's own stream.
 */
public sealed interface Dist {
    double sample(MersenneTwisterFast rng);

    /** Always {@code value}. */
    record Constant(double value) implements Dist {
        @Override
        public double sample(MersenneTwisterFast rng) {
            return value;
        }
    }

    /** Uniform on [min, max). */
    record Uniform(double min, double max) implements Dist {
        public Uniform {
            if (!(max >= min)) {
                throw new IllegalArgumentException("uniform: need max ≥ min, got " + min + ", " + max);
            }
        }

        @Override
        public double sample(MersenneTwisterFast rng) {
            return min + (max - min) * rng.nextDouble();
        }
    }

    /** exp(normal(mu, sigma)), clamped to [min, max]: leverage, trade sizes, capital. */
    record LogNormal(double mu, double sigma, double min, double max) implements Dist {
        public LogNormal {
            if (!(sigma >= 0) || !(max >= min)) {
                throw new IllegalArgumentException("lognormal: need sigma ≥ 0 and max ≥ min");
            }
        }

        @Override
        public double sample(MersenneTwisterFast rng) {
            return Math.max(min, Math.min(max, Math.exp(mu + sigma * rng.nextGaussian())));
        }
    }
}
