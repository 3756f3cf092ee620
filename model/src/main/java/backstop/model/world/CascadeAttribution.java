package backstop.model.world;

import backstop.protocol.event.ProtocolEvent;

/**
 * Which liquidation, if any, caused a new oracle price: the link that makes a cascade a tree of cause ids (a
 * liquidation's selling reaches the venue, the venue the index, the index the next liquidations).
 */
final class CascadeAttribution {
    private final double[] window;
    private final long[] lastLiquidation;
    private final double[] lastLiquidationTime;

    CascadeAttribution(WorldSpec spec) {
        int n = spec.assets().size();
        this.window = new double[n];
        for (int i = 0; i < n; i++) {
            window[i] = 3 * spec.assets().get(i).external().halfLifeSeconds();
        }
        this.lastLiquidation = new long[n];
        this.lastLiquidationTime = new double[n];
    }

    /** Remembers a market's latest liquidation and when it happened. */
    void onLiquidation(ProtocolEvent.Liquidation l, double now) {
        lastLiquidation[l.market()] = l.id();
        lastLiquidationTime[l.market()] = now;
    }

    /**
     * The cause of a new oracle price: the market's latest liquidation if it happened within three impact
     * half-lives and the venue's impact since the last publication moved the same way as the oracle and makes
     * up at least half of the move — the liquidation's flow reached the index. Otherwise 0 (exogenous).
     *
     * @param move   the oracle's log move since its last publication
     * @param impact the venue's change of log-impact since then
     */
    long cause(int market, double now, double move, double impact) {
        if (lastLiquidation[market] == 0) {
            return 0;
        }
        boolean recent = now - lastLiquidationTime[market] <= window[market];
        boolean driven = Math.signum(impact) == Math.signum(move) && Math.abs(impact) >= 0.5 * Math.abs(move);
        return recent && driven && move != 0 ? lastLiquidation[market] : 0;
    }
}
