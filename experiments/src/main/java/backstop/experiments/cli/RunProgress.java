package backstop.experiments.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A single run's progress on a terminal: one line on stderr redrawn at most every half second — blocks done,
 * simulated time and the ETA from the pace so far. It reads the clock only to draw; nothing reaches the results.
 */
final class RunProgress {
    private static final long REDRAW_NANOS = 500_000_000L;
    private final PrintStream out;
    private final long blocks;
    private final double blockSeconds;
    private final LongSupplier nanos;
    private final long started;
    private long lastDrawn = Long.MIN_VALUE;

    RunProgress(PrintStream out, long blocks, double blockSeconds, LongSupplier nanos) {
        this.out = out;
        this.blocks = blocks;
        this.blockSeconds = blockSeconds;
        this.nanos = nanos;
        this.started = nanos.getAsLong();
    }

    /** After block {@code block}: redraws the line if half a second has passed since the last one. */
    void block(long block) {
        long now = nanos.getAsLong();
        if (lastDrawn != Long.MIN_VALUE && now - lastDrawn < REDRAW_NANOS && block < blocks) {
            return;
        }
        lastDrawn = now;
        out.print("\r" + line(block, (now - started) / 1e9));
        out.flush();
    }

    /** Clears the line. */
    void close() {
        out.print("\r" + " ".repeat(72) + "\r");
        out.flush();
    }

    /** "block 1,200/7,200 · 4.0 of 24.0 simulated hours · ETA 12 s". */
    String line(long block, double elapsedSeconds) {
        String eta = block <= 0 ? "…" : String.format(Locale.ROOT, "%.0f s", elapsedSeconds * (blocks - block) / block);
        return String.format(Locale.ROOT, "block %,d/%,d · %.1f of %.1f simulated hours · ETA %s", block, blocks,
                block * blockSeconds / 3600, blocks * blockSeconds / 3600, eta);
    }
}
