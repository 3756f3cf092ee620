package backstop.protocol.waterfall;

import java.util.List;

/**
 * BitMEX's ADL queue (MECHANISMS.md §3): PNL% = (mark value − avg entry value) / |avg entry value| and effective
 * leverage = |mark value| / (mark value − bankrupt value); rank = PNL% × leverage when PNL% ≥ 0, PNL% / leverage
 * when PNL% &lt; 0, highest first. Mark value − bankrupt value is the equity the position can lose before the
 * account is bankrupt, i.e. the account value in cross margin, so leverage = |notional| / account value.
 */
public final class BitmexRanking implements AdlRanking {
    @Override
    public String name() {
        return "bitmex";
    }

    /** PNL%, as a fraction: uPnL / |cost|. */
    public static double pnlFraction(AdlCandidate c) {
        return c.unrealizedPnl() / (double) Math.max(1, Math.abs(c.cost()));
    }

    /** The ranking value of one candidate. */
    public double score(AdlCandidate c) {
        double pnl = pnlFraction(c);
        double leverage = AdlRanking.leverage(c);
        return pnl >= 0 ? pnl * leverage : pnl / leverage;
    }

    @Override
    public List<AdlCandidate> rank(List<AdlCandidate> candidates) {
        return AdlRanking.byScore(candidates, this::score);
    }
}
