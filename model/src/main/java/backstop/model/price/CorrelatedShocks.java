package backstop.model.price;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/** Standard normal shocks with a given correlation matrix, by Cholesky factorisation (Commons Math). */
public final class CorrelatedShocks {
    private final double[][] lower;
    private final double[] independent;

    /** {@code correlation} must be symmetric positive definite with ones on the diagonal. */
    public CorrelatedShocks(double[][] correlation) {
        int n = correlation.length;
        for (int i = 0; i < n; i++) {
            if (correlation[i].length != n || Math.abs(correlation[i][i] - 1) > 1e-12) {
                throw new IllegalArgumentException("correlation: must be square with ones on the diagonal");
            }
        }
        RealMatrix m = MatrixUtils.createRealMatrix(correlation);
        try {
            this.lower = new CholeskyDecomposition(m).getL().getData();
        } catch (org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException
                 | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            throw new IllegalArgumentException("correlation: must be symmetric positive definite (" + e.getMessage() + ")", e);
        }
        this.independent = new double[n];
    }

    /** Fills {@code out} with one correlated draw. */
    public void draw(MersenneTwisterFast rng, double[] out) {
        for (int i = 0; i < independent.length; i++) {
            independent[i] = rng.nextGaussian();
        }
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += lower[i][j] * independent[j];
            }
            out[i] = s;
        }
    }

    public int dimension() {
        return independent.length;
    }
}
