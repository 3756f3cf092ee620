package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.margin.OiScaledMargin;
import backstop.protocol.margin.ScaledMargin;
import backstop.protocol.margin.TieredMargin;
import backstop.protocol.margin.VolatilityScaledMargin;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Adaptive margin models inside the protocol: a changed scale re-indexes the risk engine at the end of the block. */
class AdaptiveMarginTest {

    @Test
    void doublingTheMarginScaleMakesAHealthyAccountLiquidatableAtTheEndOfTheBlock() {
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build()))
                .marginModel(new ScaledMargin(new OiScaledMargin(new TieredMargin()))).build());
        int maker = f.open("1000000");
        int trader = f.open("3000");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 18_400), f.lots(0, 5))).ok());
        f.price(0, 18_500);
        f.nextBlock(1);
        // value 3,000 − 20,000 + 18,500 = 1,500 ≥ MMR 5% × 18,500 = 925: healthy at 1×
        assertEquals(f.lots(0, 1), f.p.accounts().size(trader, 0));
        assertFalse(f.p.risk().isLiquidatable(trader));
        assertEquals(Amounts.micros(925), f.p.risk(trader).maintenanceRequirement());

        f.p.parameters().set(ScaledMargin.PARAMETER, 2_000_000, "test", 0);
        long change = f.p.lastEventId();
        assertEquals(Amounts.micros(925), f.p.risk(trader).maintenanceRequirement(), "in force at the end of the block");
        f.nextBlock(1);
        // 2×: MMR 10% × 18,500 = 1,850 > 1,500, IMR 20% × 18,500 = 3,700
        assertEquals(Amounts.micros(1_850), f.p.risk(trader).maintenanceRequirement());
        assertEquals(Amounts.micros(3_700), f.p.risk(trader).initialRequirement());
        assertTrue(f.p.risk().isLiquidatable(trader), "found by the re-index, liquidated next block");
        assertEquals(change, f.p.risk().causeOf(trader));

        f.nextBlock(1);
        // Sold at 18,400: value 1,400; penalty 1.5% × 18,400 = 276 to the insurance fund; 1,124 left.
        assertEquals(0, f.p.accounts().size(trader, 0));
        assertEquals(Amounts.micros(1_124), f.balance(trader));
        ProtocolEvent.Liquidation liq = f.log.of(ProtocolEvent.Liquidation.class).get(0);
        assertEquals(change, liq.causeId(), "the liquidation points at the parameter change");
        f.assertInvariants();
    }

    @Test
    void volatilityScaledMarginLiquidatesAfterAVolatileBlockThatLeavesThePriceHealthyAtOneTimes() {
        // σ_ref = 100%/yr, λ = 0: the scale is the last block's |r|·√(seconds per year) / 1.0, in [1×, 3×].
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build()))
                .marginModel(new VolatilityScaledMargin(new TieredMargin(), 0, 1_000_000, 1_000_000, 3_000_000, 50_000))
                .build());
        int maker = f.open("1000000");
        int trader = f.open("2500");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 19_000), f.lots(0, 5))).ok());
        f.nextBlock(1);
        assertFalse(f.p.risk().isLiquidatable(trader));
        // One second later a 0.5% drop: σ = 0.0050125·5615.69 ≈ 28 → 3× (cap). At 1× the account is healthy:
        // value 2,500 − 100 = 2,400 ≥ 5% × 19,900 = 995; at 3× MMR = 2,985 > 2,400.
        f.price(0, 19_900);
        f.nextBlock(1);
        assertEquals(Amounts.micros(2_985), f.p.risk(trader).maintenanceRequirement());
        assertTrue(f.p.risk().isLiquidatable(trader));
        f.nextBlock(1);
        assertEquals(0, f.p.accounts().size(trader, 0));
        f.assertInvariants();
    }
}
