package backstop.protocol;

import backstop.protocol.account.Accounts;
import backstop.protocol.event.EventBus;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.Ledger;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.margin.MarginCalculator;
import backstop.protocol.risk.RiskEngine;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;
import backstop.protocol.tx.TxResult;

/** Opening accounts and moving collateral in, out and between an owner's accounts. */
final class Collateral {
    private final Ledger ledger;
    private final Accounts accounts;
    private final MarginCalculator calc;
    private final RiskEngine risk;
    private final EventBus events;
    private final int external;
    private final int validators;
    private boolean withdrawalsGated;
    private WithdrawalCheck withdrawalCheck = (account, amount) -> true;

    /** Asked before a withdrawal that passes every other check leaves the protocol (circuit breakers). */
    @FunctionalInterface
    interface WithdrawalCheck {
        boolean allows(int account, long amount);
    }

    Collateral(Ledger ledger, Accounts accounts, MarginCalculator calc, RiskEngine risk, EventBus events, int external,
               int validators) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.calc = calc;
        this.risk = risk;
        this.events = events;
        this.external = external;
        this.validators = validators;
    }

    /**
     * Tokens the protocol actually holds: what came in from the external pot minus what went back out to it or
     * to the validators as gas. Balances inside are claims on these tokens; a withdrawal cannot exceed them.
     */
    long tokensHeld() {
        return Math.subtractExact(Math.negateExact(ledger.balance(external)), ledger.balance(validators));
    }

    /**
     * The most gas the account can pay now: its value (equity), never less than zero, and never more than the tokens
     * the protocol holds. The account stands for the agent's wallet and margin together — a trader on a chain pays
     * gas from its wallet even when its margin is tight, so paying may take the account below its initial or
     * maintenance requirement, but never below zero: gas never creates bad debt. Withdrawal gates and rate limits do
     * not apply.
     */
    long gasAllowance(int account) {
        if (!accounts.exists(account)) {
            return 0;
        }
        return Math.max(0, Math.min(calc.risk(account).value(), tokensHeld()));
    }

    /**
     * Pays a transaction's gas from the account to the validators pot, if {@link #gasAllowance} covers it;
     * otherwise {@link TxResult#GAS_UNPAID} and nothing is posted.
     */
    TxResult payGas(int account, long feeMicros) {
        if (!accounts.exists(account)) {
            return TxResult.UNKNOWN_ACCOUNT;
        }
        if (feeMicros < 0) {
            return TxResult.INVALID_AMOUNT;
        }
        if (feeMicros == 0) {
            return TxResult.OK;
        }
        if (gasAllowance(account) < feeMicros) {
            return TxResult.GAS_UNPAID;
        }
        ledger.post(account, validators, feeMicros, PostingReason.GAS);
        risk.refresh(account, 0);
        return TxResult.OK;
    }

    /**
     * Refunds {@code refundMicros} of gas paid by {@link #payGas} (the unused gas of a reverted call) from the
     * validators pot to the account; never more than the pot holds.
     */
    void refundGas(int account, long refundMicros) {
        if (refundMicros < 0 || refundMicros > ledger.balance(validators)) {
            throw new IllegalArgumentException("gas refund of " + refundMicros + " micros to account " + account
                    + ": must be in [0, " + ledger.balance(validators) + "]");
        }
        if (refundMicros > 0) {
            ledger.post(validators, account, refundMicros, PostingReason.GAS_REFUND);
            risk.refresh(account, 0);
        }
    }

    void setWithdrawalsGated(boolean gated) {
        this.withdrawalsGated = gated;
    }

    boolean withdrawalsGated() {
        return withdrawalsGated;
    }

    void setWithdrawalCheck(WithdrawalCheck check) {
        this.withdrawalCheck = check;
    }

    TxReceipt open(Tx.OpenAccount tx, int marketCount) {
        if (tx.isolatedMarket() < -1 || tx.isolatedMarket() >= marketCount) {
            return TxReceipt.rejected(TxResult.UNKNOWN_MARKET);
        }
        int id = accounts.open(tx.owner(), tx.isolatedMarket(), tx.tag());
        ledger.openAccountPot(id);
        risk.track(id);
        events.emit(new ProtocolEvent.AccountOpened(events.nextId(), 0, events.block(), id, tx.owner(),
                tx.isolatedMarket(), tx.tag()));
        return TxReceipt.created(id);
    }

    TxReceipt deposit(Tx.Deposit tx) {
        if (!accounts.exists(tx.account())) {
            return TxReceipt.rejected(TxResult.UNKNOWN_ACCOUNT);
        }
        if (tx.amount() <= 0) {
            return TxReceipt.rejected(TxResult.INVALID_AMOUNT);
        }
        ledger.post(external, tx.account(), tx.amount(), PostingReason.DEPOSIT);
        long id = emit(ProtocolEvent.Transfer.Kind.DEPOSIT, -1, tx.account(), tx.amount());
        risk.refresh(tx.account(), id);
        return TxReceipt.done();
    }

    TxReceipt withdraw(Tx.Withdraw tx) {
        TxResult check = checkOutflow(tx.account(), tx.amount());
        if (!check.ok()) {
            return TxReceipt.rejected(check);
        }
        if (tx.amount() > tokensHeld()) {
            return TxReceipt.rejected(TxResult.PROTOCOL_ILLIQUID);
        }
        if (!withdrawalCheck.allows(tx.account(), tx.amount())) {
            return TxReceipt.rejected(TxResult.WITHDRAWAL_RATE_LIMITED);
        }
        ledger.post(tx.account(), external, tx.amount(), PostingReason.WITHDRAWAL);
        long id = emit(ProtocolEvent.Transfer.Kind.WITHDRAWAL, tx.account(), -1, tx.amount());
        risk.refresh(tx.account(), id);
        return TxReceipt.done();
    }

    TxReceipt transfer(Tx.Transfer tx) {
        if (!accounts.exists(tx.toAccount())) {
            return TxReceipt.rejected(TxResult.UNKNOWN_ACCOUNT);
        }
        TxResult check = checkOutflow(tx.account(), tx.amount());
        if (!check.ok()) {
            return TxReceipt.rejected(check);
        }
        if (accounts.owner(tx.account()) != accounts.owner(tx.toAccount())) {
            return TxReceipt.rejected(TxResult.NOT_OWNER);
        }
        ledger.post(tx.account(), tx.toAccount(), tx.amount(), PostingReason.TRANSFER);
        long id = emit(ProtocolEvent.Transfer.Kind.INTERNAL, tx.account(), tx.toAccount(), tx.amount());
        risk.refresh(tx.account(), id);
        risk.refresh(tx.toAccount(), id);
        return TxReceipt.done();
    }

    /** Value may leave an account only while it stays at or above initial margin afterwards. */
    private TxResult checkOutflow(int account, long amount) {
        if (!accounts.exists(account)) {
            return TxResult.UNKNOWN_ACCOUNT;
        }
        if (amount <= 0) {
            return TxResult.INVALID_AMOUNT;
        }
        if (withdrawalsGated) {
            return TxResult.WITHDRAWALS_GATED;
        }
        if (calc.risk(account).freeCollateral() < amount) {
            return TxResult.INSUFFICIENT_FREE_COLLATERAL;
        }
        return TxResult.OK;
    }

    private long emit(ProtocolEvent.Transfer.Kind kind, int from, int to, long amount) {
        return events.emit(new ProtocolEvent.Transfer(events.nextId(), 0, events.block(), kind, from, to, amount));
    }
}
