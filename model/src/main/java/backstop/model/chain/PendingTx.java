package backstop.model.chain;

import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;

import java.util.function.Consumer;

/**
 * A transaction waiting in the mempool: who sent it, the priority fee bid (gwei), when it arrives (seconds,
 * after the sender's latency), the gas it uses, and where its receipt goes once a block executes it.
 */
public record PendingTx(long sequence, int sender, Tx tx, double priorityFee, double arrival, long gas,
                        Consumer<TxReceipt> onReceipt) {
    public PendingTx {
        if (!(priorityFee >= 0) || gas <= 0) {
            throw new IllegalArgumentException("pending tx: need priorityFee ≥ 0 and gas > 0");
        }
    }
}
