package backstop.protocol.liquidation;

import backstop.protocol.money.Amounts;

/**
 * The terms of a MakerDAO Liquidations 1.2 collateral auction ({@code Flipper}, dss flip.sol, with {@code Cat}'s
 * {@code lump} and {@code chop}) in Backstop units: fractions in ppm, durations in seconds, the lot cap in base units of
 * the market. They are the initial values of the policy's governance parameters ({@code flip.*}).
 *
 * @param begPpm      minimum bid increment: a tend bid must be ≥ beg × the last (or equal the tab), a dent lot ≤ the last
 *                    ÷ beg (flip.sol {@code beg}, 1.03 = 1_030_000), in (1_000_000, 2_000_000]
 * @param ttlSeconds  each bid expires this long after it is made (flip.sol {@code ttl}, the bid duration), &gt; 0
 * @param tauSeconds  the auction ends at most this long after its kick or tick (flip.sol {@code tau}), &gt; 0
 * @param chopPpm     penalty added to the debt, tab = debt × (1 + chop) (cat.sol {@code chop} − 1), in [0, 1_000_000]
 * @param lumpBase    the most collateral one kick puts in one auction, base units (cat.sol {@code lump}, 50 ETH), &gt; 0
 */
public record FlipTerms(long begPpm, long ttlSeconds, long tauSeconds, long chopPpm, double lumpBase) {

    public FlipTerms {
        if (begPpm <= Amounts.PPM || begPpm > 2 * Amounts.PPM) {
            throw new IllegalArgumentException("begPpm: must be in (1000000, 2000000], got " + begPpm);
        }
        if (ttlSeconds <= 0 || tauSeconds <= 0) {
            throw new IllegalArgumentException("ttlSeconds and tauSeconds: must be > 0, got " + ttlSeconds + ", "
                    + tauSeconds);
        }
        if (chopPpm < 0 || chopPpm > Amounts.PPM) {
            throw new IllegalArgumentException("chopPpm: must be in [0, 1000000], got " + chopPpm);
        }
        if (!(lumpBase > 0) || Double.isInfinite(lumpBase)) {
            throw new IllegalArgumentException("lumpBase: must be a positive number, got " + lumpBase);
        }
    }

    /**
     * ETH-A on 12 March 2020 as far as the sources give it (see presets/maker-liq1.2.yaml for each value's source): beg
     * 3%, ttl 10 minutes, tau 6 hours, chop 13%, lump 50 ETH.
     */
    public static FlipTerms ethA2020() {
        return new FlipTerms(1_030_000, 600, 6 * 3600, 130_000, 50);
    }
}
