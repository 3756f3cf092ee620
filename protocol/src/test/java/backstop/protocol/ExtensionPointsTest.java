package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.parameters.Parameter;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operations mitigation policies build on: position transfers, halts, gates, parameters, funds, vault. */
class ExtensionPointsTest {

    @Test
    void positionTransferMovesSizeAndCashAtThePriceGiven() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int a = f.open("100000");
        int b = f.open("100000");
        f.price(0, 20_000);
        f.trade(a, b, 0, 20_000, 1); // a long 1, b short 1
        ProtocolContext ctx = f.p.context();
        int c = f.open("100000");
        long id = ctx.transferPosition(a, c, 0, f.lots(0, 0.4), f.ticks(0, 19_000), "adl", 0);
        // c takes 0.4 BTC of a's long at 19,000: c pays 7,600 to a.
        assertEquals(f.lots(0, 0.6), f.p.accounts().size(a, 0));
        assertEquals(f.lots(0, 0.4), f.p.accounts().size(c, 0));
        assertEquals(Amounts.micros(100_000 - 20_000 + 7_600), f.balance(a));
        assertEquals(Amounts.micros(100_000 - 7_600), f.balance(c));
        ProtocolEvent.PositionTransfer t = (ProtocolEvent.PositionTransfer) f.log.byId(id);
        assertEquals("adl", t.kind());
        assertEquals(f.lots(0, 1), f.p.market(0).openInterest());
        f.assertInvariants();
        assertThrows(IllegalArgumentException.class, () -> ctx.transferPosition(a, a, 0, 1, 1, "x", 0));
    }

    @Test
    void haltedMarketRefusesOrdersAndLiquidationsWaitForTheResume() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int maker = f.open("1000000");
        int trader = f.open("2000");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 18_800), f.lots(0, 2)));
        f.p.context().halt(0, true, "test-breaker", "manual", 0);
        assertEquals(TxResult.MARKET_HALTED, f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, 1, 1)).result());
        f.price(0, 18_900);
        f.nextBlock(1);
        assertEquals(f.lots(0, 1), f.p.accounts().size(trader, 0), "no liquidation into a halted book");
        f.p.context().halt(0, false, "test-breaker", "cooldown over", 0);
        f.nextBlock(1);
        assertEquals(0, f.p.accounts().size(trader, 0));
        List<ProtocolEvent.Halt> halts = f.log.of(ProtocolEvent.Halt.class);
        assertEquals(2, halts.size());
        assertTrue(halts.get(0).halted());
        assertFalse(halts.get(1).halted());
        f.assertInvariants();
    }

    @Test
    void gatedWithdrawalsAreRefusedUntilReleased() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int a = f.open("1000");
        f.p.context().gateWithdrawals(true, "withdrawal-gate", "bad debt", 0);
        assertEquals(TxResult.WITHDRAWALS_GATED, f.p.submit(new Tx.Withdraw(a, 1)).result());
        f.p.context().gateWithdrawals(false, "withdrawal-gate", "50 blocks passed", 0);
        assertTrue(f.p.submit(new Tx.Withdraw(a, 1)).ok());
        assertEquals(-1, f.log.of(ProtocolEvent.Halt.class).get(0).market());
    }

    @Test
    void parameterChangesAreClampedAndLogged() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        Parameter p = f.p.parameters().define("liquidation.penalty_ppm", "penalty", 15_000, 0, 50_000);
        assertEquals(50_000, f.p.parameters().set("liquidation.penalty_ppm", 90_000, "pid", 0));
        assertEquals(50_000, p.value());
        ProtocolEvent.ParameterChanged e = f.log.of(ProtocolEvent.ParameterChanged.class).get(0);
        assertEquals("15000", e.oldValue());
        assertEquals("50000", e.newValue());
        assertEquals("pid", e.by());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> f.p.parameters().get("margin.scale_ppm"));
        assertTrue(missing.getMessage().contains("margin.scale_ppm"));
    }

    @Test
    void perMarketInsuranceFundsAndTheVaultAreSeparatePots() {
        ProtocolConfig config = ProtocolConfig.builder(List.of(Fixture.btc(0).build(), Fixture.btc(1).build()))
                .insurancePerMarket(true).insuranceFundSeed(Amounts.micros(500)).backstopVaultSeed(Amounts.micros(9_000))
                .build();
        Fixture f = new Fixture(config);
        assertTrue(f.p.insuranceFundPot(0) != f.p.insuranceFundPot(1));
        assertEquals(Amounts.micros(500), f.p.ledger().balance(f.p.insuranceFundPot(1)));
        assertEquals(Amounts.micros(9_000), f.balance(f.p.vaultAccount()));
        assertEquals(Protocol.VAULT_TAG, f.p.accounts().tag(f.p.vaultAccount()));
        assertEquals(TxResult.UNKNOWN_AUCTION, f.p.submit(new Tx.TakeAuction(f.p.vaultAccount(), 1, 1, 1)).result());
        f.assertInvariants();
    }
}
