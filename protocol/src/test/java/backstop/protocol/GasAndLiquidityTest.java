package backstop.protocol;

import backstop.protocol.ledger.PotKind;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GasAndLiquidityTest {

    @Test
    void gasIsPostedFromTheAccountToTheValidatorsPot() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int a = f.open("100");
        assertEquals(PotKind.VALIDATORS, f.p.ledger().kind(f.p.validatorsPot()));
        assertEquals(TxResult.OK, f.p.payGas(a, Amounts.micros("2.5")));
        assertEquals(Amounts.micros("97.5"), f.balance(a));
        assertEquals(Amounts.micros("2.5"), f.p.ledger().balance(f.p.validatorsPot()));
        assertEquals(Amounts.micros("97.5"), f.p.tokensHeld());
        assertEquals(0, f.p.ledger().total());
        f.assertInvariants();
    }

    @Test
    void gasBeyondTheAccountsEquityIsUnpaidAndPostsNothing() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int buyer = f.open("1000");
        int seller = f.open("1000");
        f.price(0, 10_000);
        f.trade(buyer, seller, 0, 10_000, 0.5);    // $5,000 notional on $1,000
        f.price(0, 8_800);                         // equity $400 against a $440 initial requirement: nothing free
        long equity = f.p.risk(buyer).value();
        assertEquals(Amounts.micros(400), equity);
        assertTrue(f.p.risk(buyer).freeCollateral() <= 0);
        assertEquals(equity, f.p.gasAllowance(buyer));
        long cash = f.balance(buyer);
        assertEquals(TxResult.GAS_UNPAID, f.p.payGas(buyer, equity + 1));
        assertEquals(cash, f.balance(buyer));
        assertEquals(0, f.p.ledger().balance(f.p.validatorsPot()));
        assertEquals(TxResult.OK, f.p.payGas(buyer, Amounts.micros(3)), "gas from a margin-tight wallet");
        assertEquals(Amounts.micros(397), f.p.risk(buyer).value());
        assertEquals(TxResult.OK, f.p.payGas(buyer, Amounts.micros(397)));
        assertEquals(0, f.p.risk(buyer).value(), "gas never takes equity below zero");
        assertEquals(0, f.p.gasAllowance(buyer));
        assertEquals(TxResult.GAS_UNPAID, f.p.payGas(buyer, 1));
        assertEquals(TxResult.GAS_UNPAID, f.p.payGas(f.open("0"), 1));
        f.assertInvariants();
    }

    @Test
    void aWithdrawalBeyondTheTokensTheProtocolHoldsIsRefused() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int buyer = f.open("1000");
        int seller = f.open("1000");
        f.price(0, 10_000);
        f.trade(buyer, seller, 0, 10_000, 1);
        f.price(0, 30_000);                        // the buyer's claim is $21,000; the protocol holds $2,000
        assertEquals(Amounts.micros(2_000), f.p.tokensHeld());
        assertEquals(TxResult.PROTOCOL_ILLIQUID, f.p.submit(new Tx.Withdraw(buyer, Amounts.micros("2000.000001"))).result());
        assertEquals(TxResult.OK, f.p.submit(new Tx.Withdraw(buyer, Amounts.micros(2_000))).result());
        assertEquals(0, f.p.tokensHeld());
        assertEquals(TxResult.PROTOCOL_ILLIQUID, f.p.submit(new Tx.Withdraw(buyer, 1)).result());
        f.assertInvariants();
    }

    @Test
    void gasLeavesTheProtocolSoItCountsAgainstTheTokensHeld() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int a = f.open("10");
        assertEquals(TxResult.OK, f.p.payGas(a, Amounts.micros(4)));
        assertEquals(TxResult.INSUFFICIENT_FREE_COLLATERAL, f.p.submit(new Tx.Withdraw(a, Amounts.micros(7))).result());
        assertEquals(TxResult.OK, f.p.submit(new Tx.Withdraw(a, Amounts.micros(6))).result());
        assertEquals(0, f.p.tokensHeld());
        assertEquals(0, f.p.ledger().total());
    }
}
