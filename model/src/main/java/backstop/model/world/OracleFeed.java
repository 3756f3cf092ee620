package backstop.model.world;

import backstop.model.market.ExternalMarket;
import backstop.model.oracle.OracleAggregator;
import backstop.model.oracle.OracleSource;
import backstop.protocol.Protocol;
import backstop.protocol.market.MarketSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Phase 2 of a block: each asset's oracle samples the venues its sources read, and the protocol gets every new
 * price (in whole ticks), with its cause from the {@link CascadeAttribution}.
 */
final class OracleFeed {
    private final Protocol protocol;
    private final Environment environment;
    private final CascadeAttribution attribution;
    private final List<OracleAggregator> oracles = new ArrayList<>();
    private final long[] lastOracleTicks;
    private final double[] impactAtPublish;
    private final double[] logOracleAtPublish;

    OracleFeed(WorldSpec spec, Protocol protocol, Environment environment, CascadeAttribution attribution) {
        this.protocol = protocol;
        this.environment = environment;
        this.attribution = attribution;
        int n = spec.assets().size();
        for (int i = 0; i < n; i++) {
            List<OracleSource> sources = new ArrayList<>();
            List<ExternalMarket> read = environment.sourceVenues(i);
            for (int k = 0; k < spec.oracle().sources().size(); k++) {
                WorldSpec.Source s = spec.oracle().sources().get(k);
                ExternalMarket v = read.get(k);
                sources.add(new OracleSource(s.name(), s.weight(), v::price, s.deviation(), s.heartbeat(), s.delay()));
            }
            oracles.add(new OracleAggregator(sources, spec.oracle().maxDeviation()));
        }
        this.lastOracleTicks = new long[n];
        this.impactAtPublish = new double[n];
        this.logOracleAtPublish = new double[n];
    }

    /** Samples every oracle at {@code now} and publishes each price that moved by at least a tick. */
    void publish(double now) {
        for (int i = 0; i < oracles.size(); i++) {
            OracleAggregator o = oracles.get(i);
            o.sample(now);
            double p = o.price();
            if (Double.isFinite(p) && p > 0) {
                MarketSpec m = protocol.market(i).spec();
                long ticks = Math.max(1, m.ticks(p));
                if (ticks != lastOracleTicks[i]) {
                    protocol.setOraclePrice(i, ticks, cause(i, now, Math.log(p)));
                    lastOracleTicks[i] = ticks;
                    impactAtPublish[i] = environment.venue(i).impact();
                    logOracleAtPublish[i] = Math.log(p);
                }
            }
        }
    }

    /** The cause of a new price: none for an asset's first, else what the attribution finds. */
    private long cause(int market, double now, double logPrice) {
        if (lastOracleTicks[market] == 0) {
            return 0;
        }
        double move = logPrice - logOracleAtPublish[market];
        double impact = environment.venue(market).impact() - impactAtPublish[market];
        return attribution.cause(market, now, move, impact);
    }

    OracleAggregator oracle(int asset) {
        return oracles.get(asset);
    }
}
