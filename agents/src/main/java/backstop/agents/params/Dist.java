package backstop.agents.params;

import backstop.model.spec.Doc;
import ec.util.MersenneTwisterFast;

/**
 * A distribution an agent parameter is drawn from, so each population is heterogeneous. Draws use the
 * population's own stream.
 */
public sealed interface Dist {
    double sample(MersenneTwisterFast rng);

    /** Always {@code value}. */
    @Doc("always the same value")
    record Constant(@Doc("the value, in the key's unit") double value) implements Dist {
        @Override
        public double sample(MersenneTwisterFast rng) {
            return value;
        }
    }

    /** Uniform on [min, max). */
    @Doc("uniform on [min, max)")
    record Uniform(@Doc("the lowest value, in the key's unit") double min,
                   @Doc("the highest value, ≥ min") double max) implements Dist {
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
    @Doc("exp(normal(mu, sigma)), clamped to [min, max]")
    record LogNormal(@Doc("mean of the log") double mu,
                     @Doc(value = "standard deviation of the log", range = "[0, ∞)") double sigma,
                     @Doc("the lowest value (clamp)") double min,
                     @Doc("the highest value (clamp), ≥ min") double max) implements Dist {
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
