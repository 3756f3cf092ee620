package backstop.model.chain;

/** How the block builder orders the mempool (DESIGN.md §2, phase 4). */
public enum OrderingRule {
    /** Highest priority fee first (ties: earlier arrival): the keepers' gas auction. */
    PRIORITY_FEE,
    /** First come, first served by arrival time. */
    FIFO,
    /** A uniformly random order from the block-order stream. */
    RANDOM
}
