package backstop.protocol.ledger;

/** Why value moved between two pots; carried on every posting so flows can be attributed. */
public enum PostingReason {
    DEPOSIT,
    WITHDRAWAL,
    TRANSFER,
    TRADE,
    TRADING_FEE,
    MAKER_REBATE,
    FUNDING,
    FUNDING_DUST,
    LIQUIDATION_PENALTY,
    LIQUIDATOR_REWARD,
    INSURANCE_DRAW,
    VAULT_DRAW,
    SOCIALIZED_LOSS,
    /** A winner pays part of a bankrupt account's deficit out of its profit when it is deleveraged. */
    ADL_HAIRCUT,
    UNCOVERED_LOSS,
    PARAMETER_TOP_UP,
    /** A transaction's gas, from the sender's account to the validators pot. */
    GAS,
    /** The unused gas of a reverted transaction, from the validators pot back to the sender's account. */
    GAS_REFUND
}
