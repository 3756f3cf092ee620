package backstop.experiments.study.adl;

/**
 * How {@link AdlWaveReplay} builds an Oct-10-like book for one wave, every value with its source (MECHANISMS.md §2,
 * §9; Chitra et al.'s data, {@code studies/hyperliquid-adl/README.md}). Prices are relative to the wave's start price
 * of $1 (the alt's units do not enter a ratio).
 * <ul>
 *   <li>{@code winners} shorts (the winners of a long-liquidation cascade) share the wave's winners' unrealized PnL
 *   (the data's {@code winners_pnl_usd}) equally; winner i's equity is R_i × its PnL, R_i the i-th of
 *   {@code winners} evenly spaced quantiles of the data's per-winner equity-to-PnL ratio (p10 2.28, median 4.41, p90
 *   14.96, {@code headlines.json}), log-linear between them and beyond, floored at {@code minEquityToPnl};</li>
 *   <li>they sold at {@code winnersEntry} × the start price, so each lot's profit is 25% of the start price and a
 *   winner's leverage is 1 / (R_i × 0.25): 0.27× to 3×;</li>
 *   <li>the alt falls through the wave at the {@code oct-2025} scenario's alt rate, −70% over 1,200 s, compounded
 *   every 1 s block; each second of the wave one long goes bankrupt with the wave's needed haircut spread evenly over
 *   the seconds (a wave of 0 s is one bankruptcy);</li>
 *   <li>a bankrupt long holds needed ÷ ({@code gapFraction} × price) lots: the gap between the mark and the bankruptcy
 *   price is {@code gapFraction} of the price, the event's total needed haircut ($15.08M) over the $2.1B of positions
 *   ADL closed ([S28]) — raised in a wave where that would need more than {@code maxCloseShare} of the winners'
 *   contracts (only wave 7, whose $8k needed sits against $106k of winners' PnL).</li>
 * </ul>
 *
 * @param winners           winners per wave (≥ 1)
 * @param winnersEntry      the winners' entry price ÷ the wave's start price (> 1: shorts in profit)
 * @param minEquityToPnl    the floor of a winner's equity ÷ PnL (its initial margin must hold at entry)
 * @param gapFraction       (bankruptcy price − mark) ÷ mark of a bankrupt long, in (0, 0.5)
 * @param maxCloseShare     the largest share of the winners' contracts one wave's bankrupt longs may hold, (0, 1]
 * @param fallPerSecond     the alt's continuous fall per second, ≥ 0
 */
public record OctoberBook(int winners, double winnersEntry, double minEquityToPnl, double gapFraction,
                          double maxCloseShare, double fallPerSecond) {
    /** Equity ÷ PnL quantiles of the event's 17,771 winners (p10, p50, p90; {@code headlines.json}). */
    static final double[] RATIO_AT = {0.10, 0.50, 0.90};
    static final double[] RATIO = {2.2831242405183443, 4.412841840523463, 14.958451014684034};

    public OctoberBook {
        if (winners < 1) {
            throw new IllegalArgumentException("winners: must be ≥ 1, got " + winners);
        }
        if (!(winnersEntry > 1)) {
            throw new IllegalArgumentException("winnersEntry: must be > 1, got " + winnersEntry);
        }
        if (!(minEquityToPnl > 1)) {
            throw new IllegalArgumentException("minEquityToPnl: must be > 1, got " + minEquityToPnl);
        }
        if (!(gapFraction > 0 && gapFraction < 0.5)) {
            throw new IllegalArgumentException("gapFraction: must be in (0, 0.5), got " + gapFraction);
        }
        if (!(maxCloseShare > 0 && maxCloseShare <= 1)) {
            throw new IllegalArgumentException("maxCloseShare: must be in (0, 1], got " + maxCloseShare);
        }
        if (!(fallPerSecond >= 0)) {
            throw new IllegalArgumentException("fallPerSecond: must be ≥ 0, got " + fallPerSecond);
        }
    }

    /** The book as documented above, with {@code winners} winners per wave. */
    public static OctoberBook calibrated(int winners) {
        return new OctoberBook(winners, 1.25, 1.3, 15_079_669.61 / 2.1e9, 0.5, StrictMath.log(1 / 0.3) / 1200);
    }

    /** Winner i's equity ÷ unrealized PnL, i in [0, winners). */
    public double equityToPnl(int i) {
        double u = (i + 0.5) / winners;
        int k = u <= RATIO_AT[1] ? 0 : 1;
        double slope = (StrictMath.log(RATIO[k + 1]) - StrictMath.log(RATIO[k])) / (RATIO_AT[k + 1] - RATIO_AT[k]);
        return Math.max(minEquityToPnl, StrictMath.exp(StrictMath.log(RATIO[k]) + slope * (u - RATIO_AT[k])));
    }
}
