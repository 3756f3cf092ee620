package backstop.protocol.waterfall;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * dYdX v4's deleveraging order as the chain code has it (MECHANISMS.md §1): start at a pseudo-random index in
 * the list of opposite-side accounts (ascending id) and iterate from there, wrapping around. The stream is a
 * {@link SplittableRandom} seeded by the constructor and advanced once per ranking, so a run is reproducible.
 */
public final class RandomRanking implements AdlRanking {
    private final SplittableRandom random;

    /** {@code seed}: the seed of this ranking's own stream (derive it from the run seed and a stream name). */
    public RandomRanking(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public List<AdlCandidate> rank(List<AdlCandidate> candidates) {
        int n = candidates.size();
        List<AdlCandidate> out = new ArrayList<>(n);
        if (n == 0) {
            return out;
        }
        int start = random.nextInt(n);
        for (int i = 0; i < n; i++) {
            out.add(candidates.get((start + i) % n));
        }
        return out;
    }
}
