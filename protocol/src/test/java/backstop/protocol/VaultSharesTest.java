package backstop.protocol;

import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;
import backstop.protocol.tx.TxResult;
import backstop.protocol.vault.VaultShares;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LP shares of the backstop vault: minted at value per share, redeemed after the lock-up, never beyond liquidity. */
class VaultSharesTest {
    private static Fixture withVault(long lockup) {
        return new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build()))
                .backstopVaultSeed(Amounts.micros(1_000_000)).vaultLockupSeconds(lockup).build());
    }

    @Test
    void depositsMintSharesAtTheVaultsValuePerShareAndRedeemAfterTheLockup() {
        Fixture f = withVault(100);
        int lp = f.open("500000");
        int vault = f.p.vaultAccount();
        f.price(0, 20_000);
        // The seed: 1,000,000 shares held by the protocol for $1M.
        assertEquals(Amounts.micros(1_000_000), f.p.vaultShares().sharesOf(VaultShares.PROTOCOL));
        TxReceipt r = f.p.submit(new Tx.VaultDeposit(lp, Amounts.micros(250_000)));
        assertEquals(Amounts.micros(250_000), r.id(), "at $1 a share, 250,000 shares");
        // The vault gains 50% (a $625k profit from outside the LP's view): each share is now worth $1.50.
        f.p.ledger().post(f.p.externalPot(), vault, Amounts.micros(625_000), backstop.protocol.ledger.PostingReason.PARAMETER_TOP_UP);
        assertEquals(TxResult.VAULT_LOCKED, f.p.submit(new Tx.VaultWithdraw(lp, Amounts.micros(250_000))).result());
        for (int i = 0; i < 100; i++) {
            f.nextBlock(1);
        }
        TxReceipt out = f.p.submit(new Tx.VaultWithdraw(lp, Amounts.micros(100_000)));
        assertEquals(Amounts.micros(150_000), out.id(), "100,000 shares at $1.50");
        assertEquals(Amounts.micros(250_000 + 150_000), f.balance(lp));
        assertEquals(Amounts.micros(150_000), f.p.vaultShares().sharesOf(lp));
        ProtocolEvent.Transfer last = f.log.of(ProtocolEvent.Transfer.class).get(f.log.of(ProtocolEvent.Transfer.class).size() - 1);
        assertEquals(ProtocolEvent.Transfer.Kind.VAULT_WITHDRAWAL, last.kind());
        f.assertInvariants();
    }

    @Test
    void refusesWhatTheLpDoesNotHoldAndWhatTheVaultCannotPay() {
        Fixture f = withVault(0);
        int lp = f.open("100000");
        int other = f.open("1000");
        f.price(0, 20_000);
        f.p.submit(new Tx.VaultDeposit(lp, Amounts.micros(100_000)));
        assertEquals(TxResult.INSUFFICIENT_SHARES, f.p.submit(new Tx.VaultWithdraw(other, 1)).result());
        assertEquals(TxResult.INSUFFICIENT_FREE_COLLATERAL, f.p.submit(new Tx.VaultDeposit(other, Amounts.micros(2_000))).result());
        // The vault holds a 540 BTC long margined at 10%: $1.08M of its $1.1M is tied up, $20k is free.
        int maker = f.open("5000000");
        f.trade(f.p.vaultAccount(), maker, 0, 20_000, 540);
        assertEquals(Amounts.micros(20_000), f.p.risk(f.p.vaultAccount()).freeCollateral());
        assertEquals(TxResult.INSUFFICIENT_SHARES, f.p.submit(new Tx.VaultWithdraw(lp, Amounts.micros(100_001))).result());
        assertEquals(TxResult.VAULT_ILLIQUID, f.p.submit(new Tx.VaultWithdraw(lp, Amounts.micros(100_000))).result(),
                "the LP's $100k is not free");
        assertTrue(f.p.submit(new Tx.VaultWithdraw(lp, Amounts.micros(20_000))).ok(), "what is free can leave");
        f.assertInvariants();
        Fixture none = Fixture.of(Fixture.btc(0).build());
        int a = none.open("10");
        assertEquals(TxResult.NO_VAULT, none.p.submit(new Tx.VaultDeposit(a, 1)).result());
    }
}
