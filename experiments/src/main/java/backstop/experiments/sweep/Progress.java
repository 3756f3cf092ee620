package backstop.experiments.sweep;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Sweep progress on stderr: on a terminal one line redrawn in place (bar, runs done/total, ETA); otherwise one
 * plain line per finished run. The ETA extrapolates the pace of the runs executed in this invocation; it is
 * the only place a sweep reads the clock, and nothing of it reaches the result files.
 */
public final class Progress {
    private static final int BAR = 30;
    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final LongSupplier nanos;
    private final long started;
    private int done;
    private int executed;

    /**
     * @param skipped runs already complete (resume); they count as done but not towards the pace
     */
    public Progress(PrintStream out, boolean terminal, int total, int skipped, LongSupplier nanos) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.nanos = nanos;
        this.started = nanos.getAsLong();
        this.done = skipped;
        if (skipped > 0) {
            out.printf("resume: %d of %d runs already complete%n", skipped, total);
        }
        if (terminal) {
            draw();
        }
    }

    /** Reports one finished run; {@code failure} is null when it succeeded. */
    public synchronized void finished(String runId, String failure) {
        done++;
        executed++;
        if (terminal) {
            if (failure != null) {
                out.print("\r" + " ".repeat(BAR + 40) + "\r");
                out.println("run " + runId + " FAILED: " + failure);
            }
            draw();
        } else if (failure == null) {
            out.printf("run %d/%d done: %s (ETA %s)%n", done, total, runId, eta());
        } else {
            out.printf("run %d/%d FAILED: %s: %s%n", done, total, runId, failure);
        }
        out.flush();
    }

    /** Ends the progress display. */
    public synchronized void close() {
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    private void draw() {
        int filled = total == 0 ? BAR : (int) ((long) BAR * done / total);
        out.print("\r[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + done + "/" + total + " runs  ETA "
                + eta() + "   ");
        out.flush();
    }

    /** Remaining runs × mean elapsed time per executed run; "?" before the first run finishes. */
    String eta() {
        if (executed == 0) {
            return done == total ? "0s" : "?";
        }
        double perRun = (nanos.getAsLong() - started) / 1e9 / executed;
        return duration(Math.round(perRun * (total - done)));
    }

    /** {@code 45s}, {@code 1m20s}, {@code 2h03m}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + String.format(Locale.ROOT, "%02d", seconds % 3600 / 60) + "m";
    }
}
