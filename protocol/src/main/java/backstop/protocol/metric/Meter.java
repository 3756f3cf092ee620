package backstop.protocol.metric;

import backstop.protocol.event.ProtocolEvent;

import java.util.List;

/**
 * A part of the simulation that reports metrics: it declares them ({@link #metrics}) and, when asked, puts each one's
 * value now into a {@link Readings} for the whole run, one market, or the vault's row of {@code markets.csv}. Meters
 * that count protocol events get each event in order ({@link #accept}); those that sample the world get the end of
 * every block ({@link #endOfBlock}). A meter never changes what it observes.
 */
public interface Meter {
    /** Read the run's totals. */
    int RUN = -1;
    /** Read the backstop vault's row of {@code markets.csv} (what spans markets). */
    int VAULT = -2;

    /** What this meter reports, in the order the summary lists it. */
    List<Metric> metrics();

    /**
     * Puts every declared metric's value now for {@code scope}: {@link #RUN}, a market id (only {@link Metric#perMarket}
     * metrics are read), or {@link #VAULT} (what of a per-market metric belongs to the vault; a meter that has nothing
     * there puts nothing, and counts read 0, amounts 0 and fractions and ratios NaN).
     */
    void read(int scope, Readings out);

    /** One protocol event, in the order the protocol emitted them. */
    default void accept(ProtocolEvent e) {
    }

    /** A block of {@code blockSeconds} has closed. */
    default void endOfBlock(double blockSeconds) {
    }

    /** The run's total of a per-market count or amount (exact: fails on overflow). */
    static long sum(long[] perMarket) {
        long s = 0;
        for (long v : perMarket) {
            s = Math.addExact(s, v);
        }
        return s;
    }
}
