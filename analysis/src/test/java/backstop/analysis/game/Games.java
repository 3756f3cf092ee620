package backstop.analysis.game;

import java.util.List;
import java.util.function.BiFunction;

/** Small games with one sample per payoff, for the solver tests. */
final class Games {
    private Games() {
    }

    /** Two roles of one player each; {@code a[i][j]} is the row player's payoff, {@code b[i][j]} the column player's. */
    static EmpiricalGame bimatrix(List<String> rows, List<String> cols, double[][] a, double[][] b) {
        List<Role> roles = List.of(new Role("row", 1, rows), new Role("column", 1, cols));
        EmpiricalGame.Builder g = EmpiricalGame.builder(roles);
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                Profile p = Profile.pure(roles, i, j);
                g.addSample(p, 0, i, a[i][j]).addSample(p, 1, j, b[i][j]);
            }
        }
        return g.build();
    }

    /** One role of two players; {@code u[s][t]} is the payoff of s against t. */
    static EmpiricalGame symmetric(List<String> strategies, double[][] u) {
        return oneRole(2, strategies, (s, counts) -> {
            int t = counts[s] == 2 ? s : otherThan(counts, s);
            return u[s][t];
        });
    }

    /** Every profile of one role of {@code players} players; {@code payoff.apply(s, counts)} is s's payoff. */
    static EmpiricalGame oneRole(int players, List<String> strategies, BiFunction<Integer, int[], Double> payoff) {
        List<Role> roles = List.of(new Role("players", players, strategies));
        EmpiricalGame.Builder g = EmpiricalGame.builder(roles);
        for (Profile p : Profile.all(roles)) {
            for (int s = 0; s < strategies.size(); s++) {
                if (p.count(0, s) > 0) {
                    g.addSample(p, 0, s, payoff.apply(s, p.counts(0)));
                }
            }
        }
        return g.build();
    }

    private static int otherThan(int[] counts, int s) {
        for (int t = 0; t < counts.length; t++) {
            if (t != s && counts[t] > 0) {
                return t;
            }
        }
        throw new IllegalStateException();
    }
}
