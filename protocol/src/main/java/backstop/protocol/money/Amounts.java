package backstop.protocol.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact integer arithmetic for quote micro-units, lots and ticks.
 *
 * <p>Quote amounts are {@code long} micro-units (1e-6 of the quote currency); fractions such as fees and
 * margin fractions are parts per million ({@link #PPM}). Products of two longs can exceed 64 bits, so every
 * multiply-then-divide goes through {@link #mulDivFloor} or {@link #mulDivCeil}, exact in 128 bits.
 */
public final class Amounts {
    /** Micro-units per quote unit. */
    public static final long MICROS = 1_000_000L;
    /** One whole in parts per million: 1_000_000 ppm = 100%. */
    public static final long PPM = 1_000_000L;
    /** One whole in parts per billion, for funding rates. */
    public static final long PPB = 1_000_000_000L;

    private static final BigDecimal MICROS_DECIMAL = BigDecimal.valueOf(MICROS);

    private Amounts() {
    }

    /** floor(a × b / c) exactly, for c > 0; throws if the result does not fit a long. */
    public static long mulDivFloor(long a, long b, long c) {
        requirePositiveDivisor(c);
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return Math.floorDiv(lo, c);
        }
        return slowMulDiv(a, b, c, RoundingMode.FLOOR);
    }

    /** ceil(a × b / c) exactly, for c > 0; throws if the result does not fit a long. */
    public static long mulDivCeil(long a, long b, long c) {
        requirePositiveDivisor(c);
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return -Math.floorDiv(-lo, c);
        }
        return slowMulDiv(a, b, c, RoundingMode.CEILING);
    }

    /** The fraction {@code ppm} of {@code amount}, rounded up (used when the account is charged). */
    public static long ppmCeil(long amount, long ppm) {
        return mulDivCeil(amount, ppm, PPM);
    }

    /** The fraction {@code ppm} of {@code amount}, rounded down (used when the account is paid). */
    public static long ppmFloor(long amount, long ppm) {
        return mulDivFloor(amount, ppm, PPM);
    }

    /** Quote micro-units as a plain decimal string, e.g. {@code 1500000 -> "1.5"}. */
    public static String format(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }

    /** Quote micro-units as a decimal number of quote units, for metrics and display only. */
    public static double toUnits(long micros) {
        return micros / (double) MICROS;
    }

    /** Quote units (e.g. "1000.25") to micro-units, exactly; throws if it has more than 6 decimals. */
    public static long micros(String units) {
        return new BigDecimal(units).multiply(MICROS_DECIMAL).longValueExact();
    }

    /** Whole quote units to micro-units. */
    public static long micros(long units) {
        return Math.multiplyExact(units, MICROS);
    }

    /** A fraction (0.05 = 5%) to parts per million, rounded to the nearest ppm. */
    public static long ppm(double fraction) {
        return Math.round(fraction * PPM);
    }

    private static void requirePositiveDivisor(long c) {
        if (c <= 0) {
            throw new ArithmeticException("divisor must be > 0, got " + c);
        }
    }

    /** The 128-bit path, taken only when a × b overflows 64 bits. */
    private static long slowMulDiv(long a, long b, long c, RoundingMode mode) {
        BigDecimal product = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
        return product.divide(BigDecimal.valueOf(c), 0, mode).longValueExact();
    }
}
