package backstop.protocol.margin;

import backstop.protocol.market.Market;

import java.util.List;

/**
 * Initial and maintenance margin fractions (ppm of notional) for a position in a market. One class per
 * technique (DESIGN.md §4): fixed and tiered, OI-scaled initial margin, volatility-scaled, predictive.
 */
public interface MarginModel {
    /** Short name for configs and events. */
    String name();

    /** Initial margin fraction for a position of this absolute notional (quote micros). */
    long initialPpm(Market market, long absNotional);

    /** Maintenance margin fraction for a position of this absolute notional. */
    long maintenancePpm(Market market, long absNotional);

    /**
     * The largest absolute notional up to which {@link #maintenancePpm} stays at most its value at
     * {@code absNotional} (the top of the current tier). The risk index re-checks a position that grows past
     * it; {@code Long.MAX_VALUE} when the fraction never rises.
     */
    long maintenanceStableUpTo(Market market, long absNotional);

    /**
     * End of every block: adaptive models (volatility-scaled, predictive) update their state from the
     * markets and return true when maintenance fractions changed, so the risk index is rebuilt. Rebuilding
     * costs a pass over all accounts, so a model should report only changes that matter (e.g. beyond a
     * relative threshold).
     */
    default boolean update(List<Market> markets, long now) {
        return false;
    }
}
