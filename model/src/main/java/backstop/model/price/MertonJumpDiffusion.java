package backstop.model.price;

import ec.util.MersenneTwisterFast;

/**
 * Merton jump-diffusion: GBM plus Poisson jumps of intensity λ per year whose log sizes are
 * normal(jumpMean, jumpStd). The drift is compensated so the expected price growth stays μ.
 */
public final class MertonJumpDiffusion implements PriceProcess {
    private final double mu;
    private final double sigma;
    private final double lambda;
    private final double jumpMean;
    private final double jumpStd;

    public MertonJumpDiffusion(double mu, double sigma, double lambda, double jumpMean, double jumpStd) {
        if (!(sigma >= 0) || !(lambda >= 0) || !(jumpStd >= 0)) {
            throw new IllegalArgumentException("merton: need sigma, lambda, jump_std ≥ 0");
        }
        this.mu = mu;
        this.sigma = sigma;
        this.lambda = lambda;
        this.jumpMean = jumpMean;
        this.jumpStd = jumpStd;
    }

    @Override
    public double logReturn(double dt, double z, MersenneTwisterFast rng) {
        double t = dt / YEAR;
        double kappa = Math.exp(jumpMean + 0.5 * jumpStd * jumpStd) - 1;
        double diffusion = (mu - 0.5 * sigma * sigma - lambda * kappa) * t + sigma * Math.sqrt(t) * z;
        int jumps = poisson(lambda * t, rng);
        double jump = 0;
        for (int i = 0; i < jumps; i++) {
            jump += jumpMean + jumpStd * rng.nextGaussian();
        }
        return diffusion + jump;
    }

    /** Poisson draw by inversion; exact for the small means of one step. */
    static int poisson(double mean, MersenneTwisterFast rng) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = rng.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }

}
