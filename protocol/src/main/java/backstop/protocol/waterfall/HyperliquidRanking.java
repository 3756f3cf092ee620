package backstop.protocol.waterfall;

import java.util.List;

/**
 * Hyperliquid's ADL index in its HIP-3 form (MECHANISMS.md §2): (mark / entry) × (notional / account value),
 * highest first. The docs write the price ratio for a long; for a short it is taken as entry / mark, so that on
 * both sides a larger profit ranks earlier, as "ranked by unrealized pnl and leverage used" says. With the cost
 * basis c and the notional n at the mark, mark / entry = n / c for a long and c / n for a short.
 */
public final class HyperliquidRanking implements AdlRanking {
    @Override
    public String name() {
        return "hyperliquid";
    }

    /** The ranking value of one candidate. */
    public double score(AdlCandidate c) {
        if (c.cost() == 0 || c.notional() == 0) {
            return Double.NaN;
        }
        double priceRatio = c.size() > 0 ? c.notional() / (double) c.cost() : c.cost() / (double) c.notional();
        return priceRatio * AdlRanking.leverage(c);
    }

    @Override
    public List<AdlCandidate> rank(List<AdlCandidate> candidates) {
        return AdlRanking.byScore(candidates, this::score);
    }
}
