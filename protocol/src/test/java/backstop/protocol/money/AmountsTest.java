package backstop.protocol.money;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AmountsTest {
    @Test
    void mulDivRoundsFloorAndCeilingTowardTheRightSide() {
        assertEquals(3, Amounts.mulDivFloor(7, 1, 2));
        assertEquals(4, Amounts.mulDivCeil(7, 1, 2));
        assertEquals(-4, Amounts.mulDivFloor(-7, 1, 2));
        assertEquals(-3, Amounts.mulDivCeil(-7, 1, 2));
    }

    @Test
    void mulDivIsExactWhenTheProductOverflowsSixtyFourBits() {
        long a = 9_000_000_000_000_000_000L / 3;
        long b = 1_000_003;
        long c = 999_999;
        BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        BigInteger[] qr = exact.divideAndRemainder(BigInteger.valueOf(c));
        assertEquals(qr[0].longValueExact(), Amounts.mulDivFloor(a, b, c));
        assertEquals(qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0), Amounts.mulDivCeil(a, b, c));
    }

    @Test
    void ppmChargesRoundUpAndPaymentsRoundDown() {
        assertEquals(2, Amounts.ppmCeil(1_000_001, 1));
        assertEquals(1, Amounts.ppmFloor(1_999_999, 1));
    }

    @Test
    void decimalConversionsAreExact() {
        assertEquals(1_500_000, Amounts.micros("1.5"));
        assertEquals("1.5", Amounts.format(1_500_000));
        assertEquals("-0.000001", Amounts.format(-1));
        assertThrows(ArithmeticException.class, () -> Amounts.micros("0.0000001"));
        assertThrows(ArithmeticException.class, () -> Amounts.mulDivFloor(1, 1, 0));
    }
}
