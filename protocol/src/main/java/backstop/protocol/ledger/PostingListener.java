package backstop.protocol.ledger;

/** Observes every posting, e.g. to build the value-flow matrix. */
@FunctionalInterface
public interface PostingListener {
    /** Value {@code amount} (> 0) moved from pot {@code from} to pot {@code to}. */
    void onPosting(int from, int to, long amount, PostingReason reason);
}
