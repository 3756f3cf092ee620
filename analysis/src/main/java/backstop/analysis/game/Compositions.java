package backstop.analysis.game;

import java.util.ArrayList;
import java.util.List;

/** The ways {@code players} indistinguishable players split over {@code strategies} strategies, first strategy heaviest first. */
final class Compositions {
    private Compositions() {
    }

    /** Every vector of {@code strategies} non-negative counts summing to {@code players}; C(players + k − 1, k − 1) of them. */
    static List<int[]> of(int players, int strategies) {
        List<int[]> out = new ArrayList<>();
        fill(new int[strategies], 0, players, out);
        return out;
    }

    private static void fill(int[] counts, int at, int left, List<int[]> out) {
        if (at == counts.length - 1) {
            counts[at] = left;
            out.add(counts.clone());
            return;
        }
        for (int c = left; c >= 0; c--) {
            counts[at] = c;
            fill(counts, at + 1, left - c, out);
        }
    }
}
