package backstop.experiments.cli;

/** Counted nouns for messages: "1 run", "3 runs", "1 parameter point". */
final class Counts {
    private Counts() {
    }

    /** {@code n} and the noun, made plural by an "s" unless {@code n} is 1. */
    static String of(long n, String singular) {
        return n + " " + (n == 1 ? singular : singular + "s");
    }
}
