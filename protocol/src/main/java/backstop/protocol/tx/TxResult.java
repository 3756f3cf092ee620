package backstop.protocol.tx;

/** The outcome of a transaction: {@link #OK} or the reason it was refused (nothing of it applied). */
public enum TxResult {
    OK,
    UNKNOWN_ACCOUNT,
    UNKNOWN_MARKET,
    UNKNOWN_ORDER,
    NOT_OWNER,
    INVALID_AMOUNT,
    INVALID_SIZE,
    INVALID_PRICE,
    INVALID_ORDER_FLAGS,
    NO_ORACLE_PRICE,
    INSUFFICIENT_FREE_COLLATERAL,
    INSUFFICIENT_MARGIN,
    POST_ONLY_WOULD_CROSS,
    REDUCE_ONLY_WOULD_INCREASE,
    ISOLATED_MARKET_MISMATCH,
    OPEN_INTEREST_CAP,
    MARKET_HALTED,
    WITHDRAWALS_GATED,
    WITHDRAWAL_RATE_LIMITED,
    ACCOUNT_IN_LIQUIDATION,
    NOT_LIQUIDATABLE,
    LIQUIDATION_NOT_PERMITTED,
    UNKNOWN_AUCTION,
    PRICE_LIMIT_EXCEEDED,
    NO_VAULT,
    VAULT_LOCKED,
    INSUFFICIENT_SHARES,
    VAULT_ILLIQUID,
    /** The withdrawal asks for more tokens than the protocol holds (what came in from outside minus what left). */
    PROTOCOL_ILLIQUID,
    /** The sender could not pay the transaction's gas from its account; it was not executed. */
    GAS_UNPAID,
    /** The transaction waited in the mempool past its time to live and was dropped unexecuted. */
    TX_EXPIRED;

    /** Whether the transaction was applied. */
    public boolean ok() {
        return this == OK;
    }
}
