package backstop.model.world;

import backstop.model.chain.GasMarket;
import backstop.model.chain.Mempool;
import backstop.model.chain.PendingTx;
import backstop.protocol.Protocol;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.TxReceipt;
import backstop.protocol.tx.TxResult;
import ec.util.MersenneTwisterFast;

import java.util.ArrayList;
import java.util.List;

/**
 * The chain around the protocol and phase 4 of a block: the mempool, the gas market, and the block builder that takes
 * the mempool's transactions, charges their senders' gas and has the protocol execute them.
 */
final class BlockExecution {
    private final Protocol protocol;
    private final WorldSpec.Chain chain;
    private final Mempool mempool;
    private final GasMarket gas;
    private final List<Sender> senders = new ArrayList<>();
    private long expired;
    private long unpaid;

    /** @param blockOrder the stream that orders a block's transactions (under random ordering) */
    BlockExecution(Protocol protocol, WorldSpec.Chain chain, MersenneTwisterFast blockOrder) {
        this.protocol = protocol;
        this.chain = chain;
        this.mempool = new Mempool(chain.ordering(), chain.blockGasLimit(), blockOrder);
        this.gas = new GasMarket(chain.baseFeeGwei(), chain.floorGwei(), chain.targetGas());
    }

    /** Adds transaction senders; a transaction's {@code sender} is the position of its sender, in the order added. */
    void addSenders(List<? extends Sender> created) {
        senders.addAll(created);
    }

    /**
     * Phase 4: the builder takes the mempool's transactions for this block at the current base fee. Each sender pays
     * its gas first — gas × (base fee + effective tip), posted from its account to the validators pot — and a sender
     * that cannot pay gets {@code GAS_UNPAID} and its transaction does not run (nor use block space); transactions past
     * their last block get {@code TX_EXPIRED}. A call the protocol refuses reverts early and uses only
     * {@link World#REVERTED_GAS} (at most its gas limit); the rest of what it paid is refunded, as on Ethereum, where
     * the fee is gas used × price. The base fee then follows the gas the block used.
     */
    void execute(long block, double now) {
        long used = 0;
        double baseFee = gas.baseFee();
        double nativePrice = chain.nativePrice();
        Mempool.Block b = mempool.buildBlock(now, block, baseFee);
        for (PendingTx t : b.expired()) {
            expired++;
            t.onReceipt().accept(TxReceipt.rejected(TxResult.TX_EXPIRED));
        }
        for (PendingTx t : b.included()) {
            Sender sender = t.sender() >= 0 && t.sender() < senders.size() ? senders.get(t.sender()) : null;
            long fee = 0;
            int account = -1;
            double tip = t.effectiveTip(baseFee);
            if (sender != null) {
                fee = Math.round(gas.cost(t.gas(), tip, nativePrice) * Amounts.MICROS);
                account = sender.gasAccount();
                TxResult paid = account < 0 ? TxResult.GAS_UNPAID : protocol.payGas(account, fee);
                if (paid != TxResult.OK) {
                    unpaid++;
                    t.onReceipt().accept(TxReceipt.rejected(paid));
                    continue;
                }
            }
            TxReceipt r = protocol.submit(t.tx());
            long gasUsed = r.result().valid() ? t.gas() : Math.min(t.gas(), World.REVERTED_GAS);
            if (sender != null) {
                long charged = gasUsed == t.gas() ? fee
                        : Math.min(fee, Math.round(gas.cost(gasUsed, tip, nativePrice) * Amounts.MICROS));
                protocol.refundGas(account, fee - charged);
                sender.recordGas(charged);
            }
            used += gasUsed;
            t.onReceipt().accept(r);
        }
        gas.afterBlock(used);
    }

    Mempool mempool() {
        return mempool;
    }

    GasMarket gas() {
        return gas;
    }

    /** Transactions dropped because they waited past their last block. */
    long expired() {
        return expired;
    }

    /** Transactions not run because their sender could not pay the gas. */
    long unpaid() {
        return unpaid;
    }
}
