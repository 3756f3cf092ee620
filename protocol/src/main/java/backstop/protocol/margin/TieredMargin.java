package backstop.protocol.margin;

import backstop.protocol.market.Market;
import backstop.protocol.market.MarginTier;

/** Fractions from each market's size tiers; a single unbounded tier is fixed margin. */
public final class TieredMargin implements MarginModel {
    @Override
    public String name() {
        return "tiered";
    }

    @Override
    public long initialPpm(Market market, long absNotional) {
        return market.spec().tier(absNotional).initialPpm();
    }

    @Override
    public long maintenancePpm(Market market, long absNotional) {
        return market.spec().tier(absNotional).maintenancePpm();
    }

    @Override
    public long maintenanceStableUpTo(Market market, long absNotional) {
        MarginTier t = market.spec().tier(absNotional);
        return t.maxNotional();
    }
}
