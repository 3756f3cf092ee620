package backstop.protocol.liquidation;

import backstop.protocol.money.Amounts;

import java.math.BigInteger;

/**
 * Maker's {@code StairstepExponentialDecrease} abacus (MECHANISMS §6): the price is multiplied by {@code cut} once
 * every {@code step} seconds, price = top × cut^⌊elapsed / step⌋. YFI-A: cut 0.99, step 90 s.
 */
public final class StairstepExponentialDecrease implements Abacus {
    private final long cutPpm;
    private final long stepSeconds;
    private final BigInteger cutRay;

    /**
     * @param cutPpm      the factor applied at each step, ppm (0.99 = 990_000), in (0, 1_000_000]
     * @param stepSeconds seconds between two cuts, &gt; 0
     */
    public StairstepExponentialDecrease(long cutPpm, long stepSeconds) {
        if (cutPpm <= 0 || cutPpm > Amounts.PPM) {
            throw new IllegalArgumentException("cutPpm: must be in (0, 1000000], got " + cutPpm);
        }
        if (stepSeconds <= 0) {
            throw new IllegalArgumentException("stepSeconds: must be > 0, got " + stepSeconds);
        }
        this.cutPpm = cutPpm;
        this.stepSeconds = stepSeconds;
        this.cutRay = ExponentialDecrease.ppmToRay(cutPpm);
    }

    /** YFI-A (and LINK-A) production values, MECHANISMS §6: cut 0.99 every 90 s. */
    public static StairstepExponentialDecrease yfiA() {
        return new StairstepExponentialDecrease(990_000, 90);
    }

    @Override
    public String name() {
        return "stairstep-exponential";
    }

    public long cutPpm() {
        return cutPpm;
    }

    public long stepSeconds() {
        return stepSeconds;
    }

    @Override
    public long price(long top, long elapsedSeconds) {
        // abaci.sol: rmul(top, rpow(cut, dur / step, RAY)).
        return ExponentialDecrease.rmul(top, ExponentialDecrease.rpow(cutRay, elapsedSeconds / stepSeconds));
    }
}
