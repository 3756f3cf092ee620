package backstop.protocol;

import backstop.protocol.event.EventBus;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.Ledger;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.margin.MarginCalculator;
import backstop.protocol.risk.RiskEngine;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;
import backstop.protocol.tx.TxResult;
import backstop.protocol.vault.VaultShares;

/** LP deposits into and withdrawals from the backstop vault, priced at the vault's value per share. */
final class VaultDesk {
    private final Protocol protocol;
    private final Ledger ledger;
    private final MarginCalculator calc;
    private final RiskEngine risk;
    private final EventBus events;
    private final int vault;
    private final VaultShares shares;

    VaultDesk(Protocol protocol, Ledger ledger, MarginCalculator calc, RiskEngine risk, EventBus events, int vault,
              VaultShares shares) {
        this.protocol = protocol;
        this.ledger = ledger;
        this.calc = calc;
        this.risk = risk;
        this.events = events;
        this.vault = vault;
        this.shares = shares;
    }

    TxReceipt deposit(Tx.VaultDeposit tx) {
        if (vault < 0) {
            return TxReceipt.rejected(TxResult.NO_VAULT);
        }
        if (!protocol.accounts().exists(tx.account()) || tx.account() == vault) {
            return TxReceipt.rejected(TxResult.UNKNOWN_ACCOUNT);
        }
        if (tx.amount() <= 0) {
            return TxReceipt.rejected(TxResult.INVALID_AMOUNT);
        }
        if (calc.risk(tx.account()).freeCollateral() < tx.amount()) {
            return TxReceipt.rejected(TxResult.INSUFFICIENT_FREE_COLLATERAL);
        }
        long minted = shares.mint(tx.account(), tx.amount(), calc.risk(vault).value(), protocol.now());
        ledger.post(tx.account(), vault, tx.amount(), PostingReason.TRANSFER);
        settle(ProtocolEvent.Transfer.Kind.VAULT_DEPOSIT, tx.account(), vault, tx.amount());
        return TxReceipt.created(minted);
    }

    TxReceipt withdraw(Tx.VaultWithdraw tx) {
        if (vault < 0) {
            return TxReceipt.rejected(TxResult.NO_VAULT);
        }
        if (!protocol.accounts().exists(tx.account())) {
            return TxReceipt.rejected(TxResult.UNKNOWN_ACCOUNT);
        }
        if (tx.shares() <= 0 || tx.shares() > shares.sharesOf(tx.account())) {
            return TxReceipt.rejected(TxResult.INSUFFICIENT_SHARES);
        }
        if (!shares.unlocked(tx.account(), protocol.now())) {
            return TxReceipt.rejected(TxResult.VAULT_LOCKED);
        }
        long value = shares.valueOf(tx.shares(), calc.risk(vault).value());
        if (value > calc.risk(vault).freeCollateral()) {
            return TxReceipt.rejected(TxResult.VAULT_ILLIQUID);
        }
        shares.burn(tx.account(), tx.shares());
        ledger.post(vault, tx.account(), value, PostingReason.TRANSFER);
        settle(ProtocolEvent.Transfer.Kind.VAULT_WITHDRAWAL, vault, tx.account(), value);
        return TxReceipt.created(value);
    }

    private void settle(ProtocolEvent.Transfer.Kind kind, int from, int to, long amount) {
        long id = events.emit(new ProtocolEvent.Transfer(events.nextId(), 0, events.block(), kind, from, to, amount));
        risk.refresh(from, id);
        risk.refresh(to, id);
    }
}
