package backstop.model.chain;

import ec.util.MersenneTwisterFast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pending transactions and the block builder's choice of which run next: those that have arrived are ordered
 * by the {@link OrderingRule} (by effective tip under {@code PRIORITY_FEE}) and taken while the block's gas limit
 * allows; those whose max fee is below the base fee wait for it to fall, and those past their last block are dropped.
 */
public final class Mempool {
    private final OrderingRule rule;
    private final long blockGasLimit;
    private final MersenneTwisterFast blockOrder;
    private final List<PendingTx> pending = new ArrayList<>();
    private long nextSequence;

    public Mempool(OrderingRule rule, long blockGasLimit, MersenneTwisterFast blockOrder) {
        if (blockGasLimit <= 0) {
            throw new IllegalArgumentException("block gas limit must be > 0, got " + blockGasLimit);
        }
        this.rule = rule;
        this.blockGasLimit = blockGasLimit;
        this.blockOrder = blockOrder;
    }

    /** The sequence number the next submission will get (ties in ordering go to the lower one). */
    public long nextSequence() {
        return nextSequence++;
    }

    public void submit(PendingTx tx) {
        pending.add(tx);
    }

    /** One block's choice: the transactions it executes, in order, and those dropped because their time ran out. */
    public record Block(List<PendingTx> included, List<PendingTx> expired) {
    }

    /**
     * Removes and returns the transactions of block {@code number} built at {@code now} with base fee {@code baseFee}:
     * those past their last block are dropped; of those that have arrived and whose max fee covers the base fee, the
     * builder takes them in its order while the gas limit allows. The rest wait.
     */
    public Block buildBlock(double now, long number, double baseFee) {
        List<PendingTx> ready = new ArrayList<>();
        List<PendingTx> waiting = new ArrayList<>();
        List<PendingTx> expired = new ArrayList<>();
        for (PendingTx t : pending) {
            if (number > t.lastBlock()) {
                expired.add(t);
            } else {
                (t.arrival() <= now && t.payable(baseFee) ? ready : waiting).add(t);
            }
        }
        order(ready, baseFee);
        List<PendingTx> block = new ArrayList<>();
        long gas = 0;
        for (PendingTx t : ready) {
            if (gas + t.gas() <= blockGasLimit) {
                block.add(t);
                gas += t.gas();
            } else {
                waiting.add(t);
            }
        }
        pending.clear();
        pending.addAll(waiting);
        pending.sort(Comparator.comparingLong(PendingTx::sequence));
        return new Block(block, expired);
    }

    private void order(List<PendingTx> ready, double baseFee) {
        Comparator<PendingTx> fifo = Comparator.comparingDouble(PendingTx::arrival).thenComparingLong(PendingTx::sequence);
        switch (rule) {
            case PRIORITY_FEE -> {
                // Highest effective tip first, then FIFO; each tip computed once (a block orders hundreds).
                Ranked[] ranked = new Ranked[ready.size()];
                for (int i = 0; i < ranked.length; i++) {
                    PendingTx t = ready.get(i);
                    ranked[i] = new Ranked(t.effectiveTip(baseFee), t);
                }
                Arrays.sort(ranked, Mempool::byTipThenArrival);
                for (int i = 0; i < ranked.length; i++) {
                    ready.set(i, ranked[i].tx());
                }
            }
            case FIFO -> ready.sort(fifo);
            case RANDOM -> {
                ready.sort(Comparator.comparingLong(PendingTx::sequence));
                for (int i = ready.size() - 1; i > 0; i--) {
                    int j = blockOrder.nextInt(i + 1);
                    PendingTx tmp = ready.get(i);
                    ready.set(i, ready.get(j));
                    ready.set(j, tmp);
                }
            }
            default -> throw new AssertionError(rule);
        }
    }

    private record Ranked(double tip, PendingTx tx) {
    }

    /** The PRIORITY_FEE order: tip descending, then arrival, then sequence (unique, so the order is total). */
    private static int byTipThenArrival(Ranked a, Ranked b) {
        int c = Double.compare(b.tip(), a.tip());
        if (c == 0) {
            c = Double.compare(a.tx().arrival(), b.tx().arrival());
        }
        return c != 0 ? c : Long.compare(a.tx().sequence(), b.tx().sequence());
    }

    /** Transactions still waiting. */
    public int size() {
        return pending.size();
    }

    public long blockGasLimit() {
        return blockGasLimit;
    }
}
