package backstop.model.price;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statistical checks of each process against its closed-form moments, on fixed seeds. */
class PriceProcessTest {
    private static final double DT = 60;           // one-minute steps
    private static final int N = 200_000;

    private static double[] sample(PriceProcess p, long seed) {
        MersenneTwisterFast rng = new MersenneTwisterFast(seed);
        double[] r = new double[N];
        for (int i = 0; i < N; i++) {
            r[i] = p.logReturn(DT, rng.nextGaussian(), rng);
        }
        return r;
    }

    @Test
    void gbmLogReturnsHaveTheTextbookMeanAndVariance() {
        double mu = 0.1;
        double sigma = 0.8;
        double[] r = sample(new GeometricBrownianMotion(mu, sigma), 1);
        double t = DT / PriceProcess.YEAR;
        double var = sigma * sigma * t;
        assertEquals(var, new Variance().evaluate(r), var * 0.02);
        assertEquals((mu - 0.5 * sigma * sigma) * t, new Mean().evaluate(r), 4 * Math.sqrt(var / N));
    }

    @Test
    void mertonJumpsAddTheirVarianceAndFatTails() {
        double sigma = 0.5;
        double lambda = 100_000;     // jumps per year: about 0.19 per minute, ~38,000 in the sample
        double jm = -0.002;
        double js = 0.005;
        double[] r = sample(new MertonJumpDiffusion(0, sigma, lambda, jm, js), 2);
        double t = DT / PriceProcess.YEAR;
        double var = sigma * sigma * t + lambda * t * (jm * jm + js * js);
        assertEquals(var, new Variance().evaluate(r), var * 0.03);
        assertTrue(new Kurtosis().evaluate(r) > 1, "jumps give excess kurtosis");
    }

    @Test
    void garchClustersVolatilityAroundItsUnconditionalVariance() {
        double omega = 1e-6;
        double alpha = 0.1;
        double beta = 0.85;
        double[] r = sample(new Garch11Process(omega, alpha, beta), 3);
        assertEquals(omega / (1 - alpha - beta), new Variance().evaluate(r), 0.15 * omega / (1 - alpha - beta));
        double[] sq = new double[N - 1];
        double[] sqNext = new double[N - 1];
        for (int i = 0; i < N - 1; i++) {
            sq[i] = r[i] * r[i];
            sqNext[i] = r[i + 1] * r[i + 1];
        }
        assertTrue(new PearsonsCorrelation().correlation(sq, sqNext) > 0.05, "squared returns are autocorrelated");
        assertTrue(new Kurtosis().evaluate(r) > 0.5, "GARCH returns are fat-tailed");
        assertThrows(IllegalArgumentException.class, () -> new Garch11Process(1e-6, 0.5, 0.5));
    }

    @Test
    void regimeSwitchingSpendsTheStationaryShareOfTimeStressed() {
        RegimeSwitching p = new RegimeSwitching(new GeometricBrownianMotion(0, 0.3), new GeometricBrownianMotion(0, 1.5), 50, 150);
        MersenneTwisterFast rng = new MersenneTwisterFast(4);
        int stressed = 0;
        for (int i = 0; i < N; i++) {
            p.logReturn(DT, rng.nextGaussian(), rng);
            stressed += p.inStress() ? 1 : 0;
        }
        assertEquals(50.0 / 200.0, stressed / (double) N, 0.03);
    }

    @Test
    void stressPathLandsExactlyOnItsDrawdownAtTheEndOfTheWindow() {
        StressPath p = new StressPath(new GeometricBrownianMotion(0, 0), 600, 3_600, 0.5, 2.0);
        MersenneTwisterFast rng = new MersenneTwisterFast(5);
        double logPrice = 0;
        double lowest = 0;
        for (double t = 0; t < 7_200; t += 7) {      // a step that does not divide the window
            logPrice += p.logReturn(7, rng.nextGaussian(), rng);
            if (t + 7 <= 600) {
                assertEquals(0, logPrice, 1e-12, "flat before the window");
            }
            lowest = Math.min(lowest, logPrice);
        }
        assertEquals(Math.log(0.5), logPrice, 1e-12, "−50% after the window, exactly");
        assertTrue(lowest <= Math.log(0.5) + 1e-12);
    }

    @Test
    void correlatedShocksReproduceTheirCorrelation() {
        double[][] c = {{1, 0.7, 0.2}, {0.7, 1, 0.4}, {0.2, 0.4, 1}};
        CorrelatedShocks s = new CorrelatedShocks(c);
        MersenneTwisterFast rng = new MersenneTwisterFast(6);
        double[][] cols = new double[3][N];
        double[] z = new double[3];
        for (int i = 0; i < N; i++) {
            s.draw(rng, z);
            for (int k = 0; k < 3; k++) {
                cols[k][i] = z[k];
            }
        }
        PearsonsCorrelation pc = new PearsonsCorrelation();
        assertEquals(0.7, pc.correlation(cols[0], cols[1]), 0.01);
        assertEquals(0.4, pc.correlation(cols[1], cols[2]), 0.01);
        assertThrows(IllegalArgumentException.class, () -> new CorrelatedShocks(new double[][] {{1, 2}, {2, 1}}));
    }

    @Test
    void exogenousPricesAreReproducibleFromTheSeed() {
        ExogenousPrices a = new ExogenousPrices(List.of(new GeometricBrownianMotion(0, 1), new GeometricBrownianMotion(0, 1)),
                new double[][] {{1, 0.5}, {0.5, 1}}, new double[] {100, 10}, new MersenneTwisterFast(7));
        ExogenousPrices b = new ExogenousPrices(List.of(new GeometricBrownianMotion(0, 1), new GeometricBrownianMotion(0, 1)),
                new double[][] {{1, 0.5}, {0.5, 1}}, new double[] {100, 10}, new MersenneTwisterFast(7));
        for (int i = 0; i < 1_000; i++) {
            a.step(1);
            b.step(1);
        }
        assertEquals(a.price(0), b.price(0), 0);
        a.shock(1, 0.8);
        assertEquals(b.price(1) * 0.8, a.price(1), 1e-12);
    }
}
