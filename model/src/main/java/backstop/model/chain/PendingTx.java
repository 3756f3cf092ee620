package backstop.model.chain;

import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;

import java.util.function.Consumer;

/**
 * A transaction waiting in the mempool: who sent it, its EIP-1559 fees (the priority fee it bids and the most it
 * pays per unit of gas, base fee included, both in gwei), when it arrives (seconds, after the sender's latency),
 * the last block it may run in (after that it is dropped, {@code TX_EXPIRED}), the gas it uses, and where its
 * receipt goes once a block executes or drops it.
 */
public record PendingTx(long sequence, int sender, Tx tx, double priorityFee, double maxFee, double arrival,
                        long lastBlock, long gas, Consumer<TxReceipt> onReceipt) {
    public PendingTx {
        if (!(priorityFee >= 0) || !(maxFee >= priorityFee) || gas <= 0) {
            throw new IllegalArgumentException("pending tx: need 0 ≤ priorityFee ≤ maxFee and gas > 0, got priority "
                    + priorityFee + ", max " + maxFee + ", gas " + gas);
        }
    }

    /** The tip a builder earns per unit of gas at {@code baseFee}: the priority fee, as far as the max fee leaves room. */
    public double effectiveTip(double baseFee) {
        return Math.max(0, Math.min(priorityFee, maxFee - baseFee));
    }

    /** Whether the max fee covers {@code baseFee}: otherwise the transaction waits for the base fee to fall. */
    public boolean payable(double baseFee) {
        return maxFee >= baseFee;
    }
}
