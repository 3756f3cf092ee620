package backstop.protocol.margin;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GARCH(1,1) recursion, forecast and maximum-likelihood fit. */
class Garch11Test {

    /** x_t = √h_t · z_t with z ~ N(0, 1) from a seeded generator, h_1 the long-run variance. */
    static double[] simulate(Garch11 g, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        double h = g.longRunVariance();
        for (int t = 0; t < n; t++) {
            x[t] = Math.sqrt(h) * rnd.nextGaussian();
            h = g.next(h, x[t]);
        }
        return x;
    }

    @Test
    void recursionAndForecastMatchHandComputedValues() {
        Garch11 g = new Garch11(0.1, 0.2, 0.7);
        // h2 = 0.1 + 0.2·2² + 0.7·1 = 1.6; h3 = 0.1 + 0.2·1 + 0.7·1.6 = 1.42
        assertEquals(1.42, g.filter(new double[]{2, -1}, 1), 1e-12);
        assertEquals(1.0, g.longRunVariance(), 1e-12); // 0.1 / (1 − 0.9)
        // horizon 2 from h = 2: (E[h_{t+1}] + E[h_{t+2}]) / 2 = (2 + 1 + 0.9·(2 − 1)) / 2 = 1.95
        assertEquals(1.95, g.meanForecast(2, 2), 1e-12);
        // one step is the filter's own forecast
        assertEquals(2.0, g.meanForecast(2, 1), 1e-12);
    }

    @Test
    void logLikelihoodMatchesTheGaussianFormula() {
        Garch11 g = new Garch11(0.1, 0.2, 0.7);
        double[] x = {1, -1};
        // h1 = mean x² = 1; h2 = 0.1 + 0.2 + 0.7 = 1; ll = −½·2·(ln 2π + 0 + 1)
        assertEquals(-(Math.log(2 * Math.PI) + 1), g.logLikelihood(x), 1e-12);
    }

    @Test
    void invalidParametersAreRefusedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Garch11(0.1, 0.5, 0.5));
        assertTrue(e.getMessage().contains("α + β < 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Garch11(0, 0.1, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new Garch11(0.1, -0.1, 0.8));
    }

    @Test
    void fitRecoversTheParametersOfSyntheticSeries() {
        // Eight seeded series of 4,000 returns from α = 0.10, β = 0.85, long-run variance 1. Each single fit
        // is off by sampling error (±0.02 in α is typical); their mean must sit close to the truth, and each
        // fit must be a maximum: at least as likely as the true parameters on its own data.
        Garch11 truth = new Garch11(0.05, 0.10, 0.85);
        double alpha = 0;
        double beta = 0;
        double longRun = 0;
        for (long seed = 1; seed <= 8; seed++) {
            double[] x = simulate(truth, 4_000, seed);
            Garch11 fit = Garch11.fit(x);
            assertTrue(fit.logLikelihood(x) >= truth.logLikelihood(x), "seed " + seed + ": " + fit);
            alpha += fit.alpha() / 8;
            beta += fit.beta() / 8;
            longRun += fit.longRunVariance() / 8;
        }
        assertEquals(0.10, alpha, 0.01, "mean α");
        assertEquals(0.85, beta, 0.02, "mean β");
        assertEquals(1.0, longRun, 0.1, "mean long-run variance");
    }

    @Test
    void fitIsInvariantToTheUnitsOfTheReturns() {
        Garch11 truth = new Garch11(0.05, 0.10, 0.85);
        double[] x = simulate(truth, 3_000, 7L);
        double[] tiny = x.clone();
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] *= 1e-4; // per-second returns are this small
        }
        Garch11 a = Garch11.fit(x);
        Garch11 b = Garch11.fit(tiny);
        assertEquals(a.alpha(), b.alpha(), 1e-3);
        assertEquals(a.beta(), b.beta(), 1e-3);
        assertEquals(a.omega() * 1e-8, b.omega(), 1e-3 * a.omega() * 1e-8);
    }

    @Test
    void aSeriesWithoutVarianceHasNoFit() {
        assertNull(Garch11.fit(new double[50]));
        assertNull(Garch11.fit(new double[]{1, -1, 1}));
    }
}
