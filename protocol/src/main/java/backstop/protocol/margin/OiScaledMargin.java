package backstop.protocol.margin;

import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.market.Market;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;

/**
 * dYdX v4 open-interest-scaled initial margin (MECHANISMS.md §1): with the market's open notional between
 * the lower and upper caps, scaling = (open − lower) / (upper − lower) and
 * effective IMF = min(base + max(scaling × (1 − base), 0), 100%). Maintenance is unchanged.
 */
public final class OiScaledMargin implements MarginModel, Tunable {
    private final MarginModel base;

    public OiScaledMargin(MarginModel base) {
        this.base = base;
    }

    @Override
    public String name() {
        return "oi-scaled(" + base.name() + ")";
    }

    @Override
    public long initialPpm(Market market, long absNotional) {
        long baseImf = base.initialPpm(market, absNotional);
        MarketSpec spec = market.spec();
        if (spec.oiImfUpperCap() == 0) {
            return baseImf;
        }
        long openNotional = spec.notional(market.openInterest(), market.oraclePrice());
        return effectiveImf(baseImf, openNotional, spec.oiImfLowerCap(), spec.oiImfUpperCap());
    }

    /** The dYdX formula on its own, in ppm; rounded up (against the account). */
    public static long effectiveImf(long baseImfPpm, long openNotional, long lowerCap, long upperCap) {
        if (openNotional <= lowerCap) {
            return baseImfPpm;
        }
        long over = Math.min(openNotional, upperCap) - lowerCap;
        long extra = Amounts.mulDivCeil(over, 1_000_000 - baseImfPpm, upperCap - lowerCap);
        return Math.min(1_000_000, baseImfPpm + extra);
    }

    @Override
    public long maintenancePpm(Market market, long absNotional) {
        return base.maintenancePpm(market, absNotional);
    }

    @Override
    public long maintenanceStableUpTo(Market market, long absNotional) {
        return base.maintenanceStableUpTo(market, absNotional);
    }

    /** Adaptive models wrapped inside keep updating. */
    @Override
    public boolean update(java.util.List<Market> markets, long now) {
        return base.update(markets, now);
    }

    /** Tunable models wrapped inside still register their parameters. */
    @Override
    public void register(Parameters parameters) {
        if (base instanceof Tunable t) {
            t.register(parameters);
        }
    }
}
