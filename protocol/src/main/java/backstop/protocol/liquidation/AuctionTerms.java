package backstop.protocol.liquidation;

import backstop.protocol.money.Amounts;

/**
 * The terms of a MakerDAO LIQ-2.0 Dutch auction (MECHANISMS §6, MIP45) in Backstop units: fractions in ppm, amounts
 * in quote micros (1 DAI = 1 quote unit), durations in seconds. They are the initial values of the policy's
 * governance parameters ({@code auction.*}).
 *
 * @param bufPpm        start price top = oracle × buf (Maker {@code buf}); in (0, 2_000_000) so that the mirrored
 *                      price of a short auction stays positive
 * @param tailSeconds   the auction is reset once more than this many seconds have passed (Maker {@code tail}), &gt; 0
 * @param cuspPpm       ... or once price &lt; cusp × top (Maker {@code cusp}), in [0, 1_000_000]
 * @param chipPpm       keeper incentive as a share of the tab, on kick and reset (Maker {@code chip})
 * @param tipMicros     flat keeper incentive on kick and reset (Maker {@code tip}), ≥ 0
 * @param chopPpm       liquidation penalty added to the debt, tab = debt × (1 + chop) (Maker {@code chop} − 1), ≥ 0
 * @param holeMicros    no kick may lift the tabs of all active auctions above this (Maker {@code Hole}), ≥ 0
 * @param ilkHoleMicros ... nor those of one market above this (Maker {@code ilk.hole}), ≥ 0
 */
public record AuctionTerms(long bufPpm, long tailSeconds, long cuspPpm, long chipPpm, long tipMicros, long chopPpm,
                           long holeMicros, long ilkHoleMicros) {

    public AuctionTerms {
        if (bufPpm <= 0 || bufPpm >= 2 * Amounts.PPM) {
            throw new IllegalArgumentException("bufPpm: must be in (0, 2000000), got " + bufPpm);
        }
        if (tailSeconds <= 0) {
            throw new IllegalArgumentException("tailSeconds: must be > 0, got " + tailSeconds);
        }
        if (cuspPpm < 0 || cuspPpm > Amounts.PPM) {
            throw new IllegalArgumentException("cuspPpm: must be in [0, 1000000], got " + cuspPpm);
        }
        if (chipPpm < 0 || chipPpm > Amounts.PPM) {
            throw new IllegalArgumentException("chipPpm: must be in [0, 1000000], got " + chipPpm);
        }
        if (tipMicros < 0) {
            throw new IllegalArgumentException("tipMicros: must be ≥ 0, got " + tipMicros);
        }
        if (chopPpm < 0 || chopPpm > Amounts.PPM) {
            throw new IllegalArgumentException("chopPpm: must be in [0, 1000000], got " + chopPpm);
        }
        if (holeMicros < 0 || ilkHoleMicros < 0) {
            throw new IllegalArgumentException("holeMicros and ilkHoleMicros: must be ≥ 0, got " + holeMicros + ", "
                    + ilkHoleMicros);
        }
    }

    /**
     * YFI-A production values (MECHANISMS §6, [S75]): buf 1.30, tail 140 min, cusp 0.4, chip 0.1%, tip 0, chop 13%,
     * ilk.hole 5M DAI, global Hole 100M DAI. Pair with {@link StairstepExponentialDecrease#yfiA()}.
     */
    public static AuctionTerms yfiA() {
        return new AuctionTerms(1_300_000, 140 * 60, 400_000, 1_000, 0, 130_000, Amounts.micros(100_000_000),
                Amounts.micros(5_000_000));
    }
}
