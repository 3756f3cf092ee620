package backstop.analysis.game;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;

import java.util.ArrayList;
import java.util.List;

/**
 * Every Nash equilibrium of a bimatrix game (two roles of one player each) by support enumeration (Porter, Nudelman
 * and Shoham 2008, restricted to supports of equal size): for each pair of supports of size k, solve the linear system
 * that makes the other player indifferent across the support (k + 1 unknowns: the probabilities and the value), keep
 * the solution when its probabilities are ≥ 0 and no strategy outside the support pays more.
 *
 * <p>A nondegenerate game's equilibria all have supports of equal size, so all are found. In a degenerate game (a
 * pure strategy with two best replies, say) what is returned is the equilibria whose supports are equal in size and
 * whose systems are non-singular, each once (solutions within 1e-9 merged): equilibria with supports of unequal size
 * and the inner points of a continuum of equilibria are not found, the vertices of such a continuum may be.
 */
public final class SupportEnumeration {
    /** The method name in equilibria.csv. */
    public static final String METHOD = "support-enumeration";

    private SupportEnumeration() {
    }

    /** The game must have every one of its profiles complete; the message lists the missing ones. */
    public static List<Candidate> solve(EmpiricalGame game) {
        List<Role> roles = game.roles();
        if (roles.size() != 2 || roles.get(0).players() != 1 || roles.get(1).players() != 1) {
            throw new IllegalArgumentException("support enumeration needs two roles of one player each, got " + roles);
        }
        int m = roles.get(0).strategyCount();
        int n = roles.get(1).strategyCount();
        double[][] a = new double[m][n];
        double[][] b = new double[m][n];
        List<Profile> missing = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                Profile p = Profile.pure(roles, i, j);
                if (!game.isComplete(p)) {
                    missing.add(p);
                    continue;
                }
                a[i][j] = game.payoff(p, 0, i).orElseThrow().mean();
                b[i][j] = game.payoff(p, 1, j).orElseThrow().mean();
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("support enumeration needs every profile; missing " + missing);
        }
        DeviationPayoffs payoffs = DeviationPayoffs.of(game);
        List<Candidate> out = new ArrayList<>();
        for (double[][] xy : solve(a, b)) {
            MixedProfile mix = MixedProfile.of(roles, xy[0], xy[1]);
            out.add(new Candidate(METHOD, supports(roles, xy), Double.NaN, true, mix, Regret.of(payoffs, mix)));
        }
        return out;
    }

    /** Each equilibrium as {x, y}: the row player's and the column player's mixture. */
    static List<double[][]> solve(double[][] a, double[][] b) {
        int m = a.length;
        int n = a[0].length;
        double scale = 1;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                scale = Math.max(scale, Math.max(Math.abs(a[i][j]), Math.abs(b[i][j])));
            }
        }
        double tol = 1e-9 * scale;
        double[][] bt = transpose(b);
        List<double[][]> out = new ArrayList<>();
        for (int k = 1; k <= Math.min(m, n); k++) {
            for (int[] rows : subsets(m, k)) {
                for (int[] cols : subsets(n, k)) {
                    double[] y = indifferent(a, rows, cols, n, tol);      // makes the row player indifferent on rows
                    double[] x = indifferent(bt, cols, rows, m, tol);     // makes the column player indifferent on cols
                    if (x != null && y != null && bestReplies(a, y, rows, tol) && bestReplies(bt, x, cols, tol)
                            && isNew(out, x, y)) {
                        out.add(new double[][] {x, y});
                    }
                }
            }
        }
        return out;
    }

    /** The mixture over {@code cols} making every row in {@code rows} pay the same against it; null if none ≥ 0. */
    private static double[] indifferent(double[][] pay, int[] rows, int[] cols, int width, double tol) {
        int k = rows.length;
        double[][] system = new double[k + 1][k + 1];
        double[] rhs = new double[k + 1];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                system[i][j] = pay[rows[i]][cols[j]];
            }
            system[i][k] = -1;
            system[k][i] = 1;
        }
        rhs[k] = 1;
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(system, false)).getSolver();
        if (!solver.isNonSingular()) {
            return null;
        }
        double[] z = solver.solve(new ArrayRealVector(rhs, false)).toArray();
        double[] mix = new double[width];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            if (z[j] < -tol) {
                return null;
            }
            mix[cols[j]] = Math.max(0, z[j]);
            sum += mix[cols[j]];
        }
        for (int j = 0; j < width; j++) {
            mix[j] /= sum;
        }
        return mix;
    }

    /** No row pays more against {@code y} than the support's rows do. */
    private static boolean bestReplies(double[][] pay, double[] y, int[] support, double tol) {
        double[] value = new double[pay.length];
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < pay.length; i++) {
            for (int j = 0; j < y.length; j++) {
                value[i] += pay[i][j] * y[j];
            }
            best = Math.max(best, value[i]);
        }
        for (int i : support) {
            if (value[i] < best - tol) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNew(List<double[][]> found, double[] x, double[] y) {
        for (double[][] f : found) {
            if (close(f[0], x) && close(f[1], y)) {
                return false;
            }
        }
        return true;
    }

    private static boolean close(double[] p, double[] q) {
        for (int i = 0; i < p.length; i++) {
            if (Math.abs(p[i] - q[i]) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    private static List<int[]> subsets(int n, int k) {
        List<int[]> out = new ArrayList<>();
        int[] s = new int[k];
        for (int i = 0; i < k; i++) {
            s[i] = i;
        }
        while (true) {
            out.add(s.clone());
            int i = k - 1;
            while (i >= 0 && s[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                return out;
            }
            s[i]++;
            for (int j = i + 1; j < k; j++) {
                s[j] = s[j - 1] + 1;
            }
        }
    }

    private static double[][] transpose(double[][] b) {
        double[][] t = new double[b[0].length][b.length];
        for (int i = 0; i < b.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                t[j][i] = b[i][j];
            }
        }
        return t;
    }

    private static String supports(List<Role> roles, double[][] xy) {
        StringBuilder label = new StringBuilder("supports ");
        for (int r = 0; r < 2; r++) {
            label.append(r == 0 ? "" : "; ").append(roles.get(r).name()).append(':');
            String sep = " ";
            for (int s = 0; s < xy[r].length; s++) {
                if (xy[r][s] > 0) {
                    label.append(sep).append(roles.get(r).strategies().get(s));
                    sep = ", ";
                }
            }
        }
        return label.toString();
    }
}
