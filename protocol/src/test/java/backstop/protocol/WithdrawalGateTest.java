package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.breaker.WithdrawalGate;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dYdX v4 (MECHANISMS §1): 50-block gate after a negative account; max(1% TVL, $1M)/h and max(10% TVL, $10M)/day. */
class WithdrawalGateTest {

    private static Fixture dydx() {
        return new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build()))
                .breakers(List.of(WithdrawalGate.dydx())).build());
    }

    private static WithdrawalGate gate(Fixture f) {
        return (WithdrawalGate) f.p.config().breakers().get(0);
    }

    @Test
    void badDebtGatesWithdrawalsAndTransfersForExactlyFiftyBlocks() {
        Fixture f = dydx();
        int maker = f.open("1000000");
        int makerSub = f.open("0");
        int trader = f.open("2000");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 17_700), f.lots(0, 1)));
        f.price(0, 18_000); // gap down: sold at 17,700, the trader ends at −300
        f.nextBlock(1); // block 1 ends with bad debt: gated while block − 1 < 50
        ProtocolEvent.BadDebt debt = f.log.of(ProtocolEvent.BadDebt.class).get(0);
        assertEquals(1, debt.block());
        assertEquals(Amounts.micros(300), debt.amount());
        for (long block = 2; block <= 50; block++) {
            assertEquals(block, f.p.block());
            assertEquals(TxResult.WITHDRAWALS_GATED, f.p.submit(new Tx.Withdraw(maker, Amounts.micros(100))).result());
            assertEquals(TxResult.WITHDRAWALS_GATED, f.p.submit(new Tx.Transfer(maker, makerSub, Amounts.micros(100))).result());
            f.nextBlock(1);
        }
        assertEquals(51, f.p.block());
        assertTrue(f.p.submit(new Tx.Withdraw(maker, Amounts.micros(100))).ok(), "block 1 + 50: open again");
        assertTrue(f.p.submit(new Tx.Transfer(maker, makerSub, Amounts.micros(100))).ok());

        List<ProtocolEvent.Halt> gates = f.log.of(ProtocolEvent.Halt.class);
        assertEquals(2, gates.size());
        assertEquals(-1, gates.get(0).market());
        assertTrue(gates.get(0).halted());
        assertEquals(debt.id(), gates.get(0).causeId());
        assertFalse(gates.get(1).halted());
        assertEquals(51, gates.get(1).block());
        f.assertInvariants();
    }

    @Test
    void hourlyCapacityIsOnePercentOfTvlAndRefillsLinearlyOverTheHour() {
        Fixture f = dydx();
        int whale = f.open("200000000"); // TVL $200M: hourly baseline $2M, daily $20M
        f.nextBlock(86_400); // block 1 ends at t = 0 (no time passed)
        f.nextBlock(12); // the block at t = 86,400 ends: a whole period passed, both capacities at their baselines
        assertEquals(Amounts.micros(2_000_000), gate(f).capacity(0));
        assertEquals(Amounts.micros(20_000_000), gate(f).capacity(1));
        assertEquals(TxResult.WITHDRAWAL_RATE_LIMITED, f.p.submit(new Tx.Withdraw(whale, Amounts.micros("2000000.000001"))).result());
        assertTrue(f.p.submit(new Tx.Withdraw(whale, Amounts.micros(2_000_000))).ok());
        assertEquals(TxResult.WITHDRAWAL_RATE_LIMITED, f.p.submit(new Tx.Withdraw(whale, 1)).result());
        f.nextBlock(12);
        // 12 s later, TVL $198M: hourly += 1% × 198M × 12/3,600 = 6,600; daily 18M + 19.8M × 12/86,400 = 18,002,750
        assertEquals(Amounts.micros(6_600), gate(f).capacity(0));
        assertEquals(Amounts.micros(18_002_750), gate(f).capacity(1));
        assertEquals(TxResult.WITHDRAWAL_RATE_LIMITED, f.p.submit(new Tx.Withdraw(whale, Amounts.micros("6600.000001"))).result());
        assertTrue(f.p.submit(new Tx.Withdraw(whale, Amounts.micros(6_600))).ok());
        // a deposit adds to every capacity at once
        assertTrue(f.p.submit(new Tx.Deposit(whale, Amounts.micros(500))).ok());
        assertEquals(Amounts.micros(500), gate(f).capacity(0));
        f.assertInvariants();
    }

    @Test
    void dailyCapacityFloorOfTenMillionBindsAfterSixteenHourlyWithdrawals() {
        Fixture f = dydx();
        int whale = f.open("20000000"); // TVL $20M: baselines are the floors, $1M/h and $10M/day
        f.nextBlock(86_400);
        f.nextBlock(3_600);
        // Each hour: withdraw $1M, then the daily capacity refills ⌊10M × 3,600/86,400⌋ = 416,666.666666 → 416,666.666666
        // after k hours it is 10M − k × 583,333.333334; the 17th withdrawal finds 666,666.666656 < 1M
        long daily = Amounts.micros(10_000_000);
        for (int hour = 1; hour <= 16; hour++) {
            assertEquals(daily, gate(f).capacity(1), "hour " + hour);
            assertTrue(f.p.submit(new Tx.Withdraw(whale, Amounts.micros(1_000_000))).ok(), "hour " + hour);
            f.nextBlock(3_600);
            daily = daily - Amounts.micros(1_000_000) + 416_666_666_666L;
            assertEquals(Amounts.micros(1_000_000), gate(f).capacity(0), "the hourly capacity refills completely");
        }
        assertEquals(666_666_666_656L, gate(f).capacity(1));
        assertEquals(TxResult.WITHDRAWAL_RATE_LIMITED, f.p.submit(new Tx.Withdraw(whale, Amounts.micros(1_000_000))).result());
        assertTrue(f.p.submit(new Tx.Withdraw(whale, 666_666_666_656L)).ok());
        f.assertInvariants();
    }
}
