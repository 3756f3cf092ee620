package backstop.model.random;

import ec.util.MersenneTwisterFast;

import java.nio.charset.StandardCharsets;

/**
 * Independent random streams derived from one run seed and a stream name (STYLE.md §3): {@code environment},
 * {@code oracle}, {@code agents/traders/3}, {@code block-order}… Each name always gives the same stream for
 * the same seed, and adding a stream or an agent never shifts another, so two designs run on common random
 * numbers.
 */
public final class Streams {
    private final long seed;

    public Streams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** A fresh generator for the named stream, positioned at its start. */
    public MersenneTwisterFast stream(String name) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        long a = mix(h);
        long b = mix(a ^ 0xD1B54A32D192ED03L);
        return new MersenneTwisterFast(new int[] {(int) a, (int) (a >>> 32), (int) b, (int) (b >>> 32)});
    }

    /** SplitMix64 finalizer: a bijective scramble of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
