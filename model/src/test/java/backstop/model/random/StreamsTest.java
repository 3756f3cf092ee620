package backstop.model.random;

import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class StreamsTest {
    private static long[] first(MersenneTwisterFast r, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextLong();
        }
        return out;
    }

    @Test
    void aNamedStreamIsTheSameForTheSameSeedWhateverElseWasDrawn() {
        Streams s = new Streams(42);
        long[] before = first(s.stream("environment"), 8);
        first(s.stream("agents/traders/0"), 1000);
        assertArrayEquals(before, first(new Streams(42).stream("environment"), 8));
    }

    @Test
    void namesAndSeedsGiveDifferentStreams() {
        long[] a = first(new Streams(42).stream("environment"), 4);
        assertFalse(java.util.Arrays.equals(a, first(new Streams(42).stream("oracle"), 4)));
        assertFalse(java.util.Arrays.equals(a, first(new Streams(43).stream("environment"), 4)));
        assertFalse(java.util.Arrays.equals(first(new Streams(1).stream("agents/1"), 4), first(new Streams(1).stream("agents/10"), 4)));
    }
}
