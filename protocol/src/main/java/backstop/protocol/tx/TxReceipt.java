package backstop.protocol.tx;

/**
 * What a transaction did: its result and, where it applies, the id it created (order or account), the size
 * filled at once and the size left resting.
 */
public record TxReceipt(TxResult result, long id, long filled, long resting) {

    /** A refusal. */
    public static TxReceipt rejected(TxResult result) {
        return new TxReceipt(result, -1, 0, 0);
    }

    /** Success with no id. */
    public static TxReceipt done() {
        return new TxReceipt(TxResult.OK, -1, 0, 0);
    }

    /** A valid call that changed nothing ({@link TxResult#NO_EFFECT}). */
    public static TxReceipt noEffect() {
        return new TxReceipt(TxResult.NO_EFFECT, -1, 0, 0);
    }

    /** Success that created {@code id}. */
    public static TxReceipt created(long id) {
        return new TxReceipt(TxResult.OK, id, 0, 0);
    }

    /** Whether the transaction was applied. */
    public boolean ok() {
        return result.ok();
    }
}
