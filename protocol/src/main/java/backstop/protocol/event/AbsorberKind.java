package backstop.protocol.event;

/**
 * Who bears the share of a deficit an absorber takes, as the loss decomposition of a run counts it: the insurance
 * fund, the backstop vault (its LPs), auto-deleveraged winners, all other accounts pro rata (socialized), the
 * payers of a funding bump, or nobody ({@link #UNCOVERED}: written off against the uncovered-loss pot).
 */
public enum AbsorberKind {
    INSURANCE,
    VAULT,
    ADL,
    SOCIALIZED,
    FUNDING_BUMP,
    UNCOVERED
}
