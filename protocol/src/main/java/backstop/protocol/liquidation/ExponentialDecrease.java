package backstop.protocol.liquidation;

import backstop.protocol.money.Amounts;

import java.math.BigInteger;

/**
 * Maker's {@code ExponentialDecrease} abacus (MECHANISMS §6): the price is multiplied by {@code cut} every second,
 * price = top × cut^elapsed. The power is Maker's {@code rpow} in 27-decimal fixed point (RAY), rounding half up
 * at every multiplication, so results match the on-chain contract.
 */
public final class ExponentialDecrease implements Abacus {
    static final BigInteger RAY = BigInteger.TEN.pow(27);
    private static final BigInteger HALF_RAY = RAY.shiftRight(1);

    private final long cutPpm;
    private final BigInteger cutRay;

    /** @param cutPpm the factor applied every second, ppm (0.999 = 999_000), in (0, 1_000_000] */
    public ExponentialDecrease(long cutPpm) {
        if (cutPpm <= 0 || cutPpm > Amounts.PPM) {
            throw new IllegalArgumentException("cutPpm: must be in (0, 1000000], got " + cutPpm);
        }
        this.cutPpm = cutPpm;
        this.cutRay = ppmToRay(cutPpm);
    }

    @Override
    public String name() {
        return "exponential";
    }

    public long cutPpm() {
        return cutPpm;
    }

    @Override
    public long price(long top, long elapsedSeconds) {
        return rmul(top, rpow(cutRay, elapsedSeconds));
    }

    static BigInteger ppmToRay(long ppm) {
        return BigInteger.valueOf(ppm).multiply(RAY).divide(BigInteger.valueOf(Amounts.PPM));
    }

    /** ⌊top × factor / RAY⌋: Maker's {@code rmul}. */
    static long rmul(long top, BigInteger factor) {
        return BigInteger.valueOf(top).multiply(factor).divide(RAY).longValueExact();
    }

    /** x^n in RAY fixed point by squaring, rounding half up after each product: Maker's {@code rpow}. */
    static BigInteger rpow(BigInteger x, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("elapsed time must be ≥ 0, got " + n);
        }
        if (n == 0) {
            return RAY;
        }
        if (x.signum() == 0) {
            return BigInteger.ZERO;
        }
        BigInteger z = (n & 1) == 0 ? RAY : x;
        for (n >>= 1; n != 0; n >>= 1) {
            x = x.multiply(x).add(HALF_RAY).divide(RAY);
            if ((n & 1) != 0) {
                z = z.multiply(x).add(HALF_RAY).divide(RAY);
            }
        }
        return z;
    }
}
