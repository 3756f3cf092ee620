package backstop.model.sim;

/**
 * The six phases of a block (DESIGN.md §2), as MASON schedule orderings: within one schedule step (one
 * block) lower orderings run first.
 */
public final class Phase {
    /** The exogenous price moves and scenario shocks apply; external-market impact decays. */
    public static final int ENVIRONMENT = 0;
    /** Oracle sources sample the external markets and the protocol receives its prices. */
    public static final int ORACLE = 1;
    /** Agents whose wake-up time has come observe and submit transactions to the mempool. */
    public static final int AGENTS = 2;
    /** The block builder orders the mempool and the protocol executes the block's transactions. */
    public static final int BLOCK = 3;
    /** Funding, liquidations, loss waterfall, breakers and governance (the protocol's end of block). */
    public static final int END_BLOCK = 4;
    /** Metrics sample and events flush. */
    public static final int RECORD = 5;

    private Phase() {
    }
}
