package backstop.protocol.tx;

/**
 * The outcome of a transaction: {@link #OK}, {@link #NO_EFFECT}, or the reason it was refused. In every case but
 * {@code OK} nothing of it applied.
 */
public enum TxResult {
    OK,
    /**
     * A valid call that changed no state (a {@code Liquidate} while Maker's Hole is full or the book is empty).
     * Not a success: {@link #ok()} is false, so agents count it as a failed call; but not a refusal either —
     * {@link #valid()} is true and the protocol emits no {@code tx_rejected} event for it. Gas is paid for it as
     * for any transaction that reaches a block.
     */
    NO_EFFECT,
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
    /** A governance transaction named a parameter no policy of the design registers. */
    UNKNOWN_PARAMETER,
    PRICE_LIMIT_EXCEEDED,
    /** A flip bid below the minimum increment (tend: beg × the last bid; dent: a lot above the last ÷ beg). */
    BID_TOO_LOW,
    /** A flip bid after the last bid expired ({@code ttl}) or the auction ended ({@code tau}): it waits for its deal. */
    AUCTION_FINISHED,
    /** A flip bid of the other phase: a tend that does not bid for the whole lot, or a dent not at the tab. */
    WRONG_AUCTION_PHASE,
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

    /** Whether the transaction was applied and changed state. */
    public boolean ok() {
        return this == OK;
    }

    /** Whether the transaction was valid: applied ({@link #OK}) or accepted without effect ({@link #NO_EFFECT}). */
    public boolean valid() {
        return this == OK || this == NO_EFFECT;
    }
}
