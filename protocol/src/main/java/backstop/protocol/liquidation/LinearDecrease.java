package backstop.protocol.liquidation;

import java.math.BigInteger;

/**
 * Maker's {@code LinearDecrease} abacus (MECHANISMS §6): the price falls in a straight line from {@code top} to zero
 * over {@code tau} seconds, price = top × (tau − elapsed) / tau, and stays at zero afterwards.
 */
public final class LinearDecrease implements Abacus {
    private final long tauSeconds;

    /** @param tauSeconds seconds until the price reaches zero (Maker {@code tau}), &gt; 0 */
    public LinearDecrease(long tauSeconds) {
        if (tauSeconds <= 0) {
            throw new IllegalArgumentException("tauSeconds: must be > 0, got " + tauSeconds);
        }
        this.tauSeconds = tauSeconds;
    }

    @Override
    public String name() {
        return "linear";
    }

    public long tauSeconds() {
        return tauSeconds;
    }

    @Override
    public long price(long top, long elapsedSeconds) {
        if (elapsedSeconds >= tauSeconds) {
            return 0;
        }
        // abaci.sol: rmul(top, mul(tau - dur, RAY) / tau), both divisions rounding down.
        BigInteger factor = BigInteger.valueOf(tauSeconds - elapsedSeconds).multiply(ExponentialDecrease.RAY)
                .divide(BigInteger.valueOf(tauSeconds));
        return ExponentialDecrease.rmul(top, factor);
    }
}
