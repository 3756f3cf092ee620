package backstop.protocol.waterfall;

import backstop.protocol.ProtocolConfig;
import backstop.protocol.book.Side;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.liquidation.BankruptcyLimit;
import backstop.protocol.liquidation.FullCloseLiquidation;
import backstop.protocol.liquidation.PenaltySplit;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's takeover on {@link AutoDeleveragingTest}'s case (B long 10 at $100 with $120; the oracle gaps to $85,
 * B worth −$30, bankruptcy price $88) under a BitMEX-like design: liquidation orders never past the bankruptcy price,
 * then the fund, the takeover within 10% of the oracle, and ADL. A bid of K rests at $80.
 */
class EngineTakeoverTest {
    private final AutoDeleveragingTest positions = new AutoDeleveragingTest();
    private int k;

    private WaterfallFixture crash(String insurance, String bid) {
        WaterfallFixture f = new WaterfallFixture(ProtocolConfig.builder(List.of(WaterfallFixture.market(0)))
                .liquidation(new FullCloseLiquidation(PenaltySplit.NONE, new BankruptcyLimit(), true))
                .waterfall(List.of(new InsuranceFundAbsorber(), new EngineTakeover(100_000),
                        new AutoDeleveraging(new BitmexRanking(), AdlPrice.BANKRUPTCY, false)))
                .insuranceFundSeed(Amounts.micros(insurance)).build());
        positions.positions(f, "120");
        k = f.open("10000");
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(k, 0, Side.BUY, f.ticks(0, bid), 10)).ok());
        f.price(0, "85");
        f.nextBlock(1);
        return f;
    }

    private static List<ProtocolEvent.Liquidation> takeovers(WaterfallFixture f) {
        return f.log.of(ProtocolEvent.Liquidation.class).stream().filter(l -> l.policy().equals(EngineTakeover.NAME)).toList();
    }

    @Test
    void theEngineClosesInTheBookWhatTheBankruptcyLimitCannotAndTheFundPays() {
        WaterfallFixture f = crash("1000", "80");
        // The $88 limit cannot meet K's $80 bid; the fund could pay the $30 projected, so the engine sells the 10 lots
        // to K at $80 (within 85 − 8.50 = $76.50): B is left at 120 − 1,000 + 800 = −$80, which the fund pays.
        assertEquals(0, f.size(positions.b));
        assertEquals(10, f.size(k));
        assertEquals(1, takeovers(f).size());
        assertEquals(-10, takeovers(f).get(0).size());
        assertTrue(f.adl().isEmpty());
        assertEquals(Amounts.micros("920"), f.balance(f.p.insuranceFundPot(0)));
        assertEquals(0, f.p.ledger().balance(positions.b));
        f.assertConserved();
    }

    @Test
    void aBidBeyondTheBandWaitsAndNothingIsDeleveragedWhileTheFundCouldPay() {
        WaterfallFixture f = crash("1000", "76");
        assertEquals(10, f.size(positions.b), "$76 is below the $76.50 the engine sells down to");
        assertTrue(takeovers(f).isEmpty());
        assertTrue(f.adl().isEmpty());
        f.assertConserved();
    }

    @Test
    void whenTheFundCouldNotPayTheEngineStandsAsideAndAdlCloses() {
        WaterfallFixture f = crash("29.999999", "80");
        assertTrue(takeovers(f).isEmpty());
        assertEquals(10, f.adlLots(), "the winners take B's 10 lots at $88");
        assertEquals(0, f.size(positions.b));
        assertEquals(0, f.size(k), "K's bid is untouched");
        f.assertConserved();
    }

    @Test
    void theBandMustBeAFraction() {
        assertThrows(IllegalArgumentException.class, () -> new EngineTakeover(0));
        assertThrows(IllegalArgumentException.class, () -> new EngineTakeover(Amounts.PPM));
    }
}
