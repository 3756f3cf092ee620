package backstop.protocol.waterfall;

import backstop.protocol.money.Amounts;

import java.util.List;

/**
 * Binance USDⓈ-M "LeveragePnL" (MECHANISMS.md §3): PnL% = max(0, unrealized profit) / max(1, wallet balance),
 * margin ratio = maintenance margin / (wallet balance + uPnL), or 0 when that is ≤ 0; rank = PnL% × margin ratio,
 * highest first. Amounts are in quote units (the 1 is one USDT); wallet balance = cash + Σ cost bases and
 * wallet + uPnL = account value (cross margin).
 */
public final class BinanceRanking implements AdlRanking {
    @Override
    public String name() {
        return "binance";
    }

    /** The ranking value of one candidate. */
    public double score(AdlCandidate c) {
        double pnl = Math.max(0, c.unrealizedPnl()) / (double) Math.max(Amounts.MICROS, c.walletBalance());
        double marginRatio = c.accountValue() <= 0 ? 0 : c.maintenanceRequirement() / (double) c.accountValue();
        return pnl * marginRatio;
    }

    @Override
    public List<AdlCandidate> rank(List<AdlCandidate> candidates) {
        return AdlRanking.byScore(candidates, this::score);
    }
}
