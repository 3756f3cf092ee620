package backstop.gui;

import backstop.protocol.market.MarketSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ladder prints prices and sizes at the market's tick and lot precision, not as binary floating point. */
class BookLadderTest {
    @Test
    void levelsArePrintedAtTickAndLotPrecision() {
        MarketSpec btc = MarketSpec.builder(0, "BTC", "0.1", "0.001").build();
        // 200,243 × 0.1 is 20024.300000000003 in doubles, 934 × 0.001 is 0.9340000000000001.
        assertEquals("20024.3  0.934", BookLadder.label(btc, new BookLadder.Row(200_243, 934, 0)));
        assertEquals("20024.3", btc.priceText(200_243));
        assertEquals("12  3", BookLadder.label(null, new BookLadder.Row(12, 3, 0)));
    }
}
