package backstop.model.chain;

import backstop.protocol.tx.Tx;
import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ChainTest {
    private static PendingTx tx(Mempool m, int sender, double fee, double arrival, long gas) {
        return tx(m, sender, fee, 1_000, arrival, 100, gas);
    }

    private static PendingTx tx(Mempool m, int sender, double fee, double maxFee, double arrival, long lastBlock, long gas) {
        return new PendingTx(m.nextSequence(), sender, new Tx.Deposit(sender, 1), fee, maxFee, arrival, lastBlock, gas,
                r -> { });
    }

    private static List<Integer> senders(Mempool.Block block) {
        return senders(block.included());
    }

    private static List<Integer> senders(List<PendingTx> block) {
        return block.stream().map(PendingTx::sender).toList();
    }

    @Test
    void priorityFeeOrderingWinsTheGasAuctionAndLateArrivalsWait() {
        Mempool m = new Mempool(OrderingRule.PRIORITY_FEE, 1_000_000, new MersenneTwisterFast(1));
        m.submit(tx(m, 1, 2, 0.5, 100_000));
        m.submit(tx(m, 2, 50, 0.9, 100_000));
        m.submit(tx(m, 3, 50, 0.1, 100_000));
        m.submit(tx(m, 4, 999, 1.5, 100_000));   // arrives after this block is built
        assertEquals(List.of(3, 2, 1), senders(m.buildBlock(1.0, 1, 0)));
        assertEquals(List.of(4), senders(m.buildBlock(2.0, 2, 0)));
    }

    @Test
    void fifoIgnoresFeesAndTheGasLimitCarriesTheRestOver() {
        Mempool m = new Mempool(OrderingRule.FIFO, 250_000, new MersenneTwisterFast(1));
        m.submit(tx(m, 1, 1, 0.3, 100_000));
        m.submit(tx(m, 2, 99, 0.2, 100_000));
        m.submit(tx(m, 3, 50, 0.1, 100_000));
        assertEquals(List.of(3, 2), senders(m.buildBlock(1.0, 1, 0)));
        assertEquals(1, m.size());
        assertEquals(List.of(1), senders(m.buildBlock(2.0, 2, 0)));
    }

    @Test
    void randomOrderingIsReproducibleFromTheBlockOrderStream() {
        List<Integer> a = randomBlock(7);
        assertEquals(a, randomBlock(7));
        assertNotEquals(a, randomBlock(8));
    }

    private static List<Integer> randomBlock(long seed) {
        Mempool m = new Mempool(OrderingRule.RANDOM, 10_000_000, new MersenneTwisterFast(seed));
        for (int i = 0; i < 20; i++) {
            m.submit(tx(m, i, i, 0, 21_000));
        }
        return senders(m.buildBlock(1, 1, 0));
    }

    @Test
    void aMaxFeeBelowTheBaseFeeWaitsAndTheTipIsWhatTheMaxFeeLeaves() {
        Mempool m = new Mempool(OrderingRule.PRIORITY_FEE, 1_000_000, new MersenneTwisterFast(1));
        m.submit(tx(m, 1, 5, 12, 0, 100, 100_000));     // tip min(5, 12 − 10) = 2 at base 10
        m.submit(tx(m, 2, 3, 20, 0, 100, 100_000));     // tip 3
        m.submit(tx(m, 3, 9, 9, 0, 100, 100_000));      // max fee 9 < base 10: waits
        assertEquals(List.of(2, 1), senders(m.buildBlock(1, 1, 10)));
        assertEquals(1, m.size());
        assertEquals(List.of(3), senders(m.buildBlock(2, 2, 8)), "the base fee fell below its max fee");
        assertEquals(2.0, tx(m, 9, 5, 12, 0, 100, 1).effectiveTip(10), 1e-12);
        assertEquals(0.0, tx(m, 9, 5, 12, 0, 100, 1).effectiveTip(13), 1e-12);
    }

    @Test
    void aTransactionPastItsLastBlockIsDroppedNotRun() {
        Mempool m = new Mempool(OrderingRule.FIFO, 1_000_000, new MersenneTwisterFast(1));
        m.submit(tx(m, 1, 0, 5, 0, 3, 100_000));
        m.submit(tx(m, 2, 0, 50, 0, 3, 100_000));
        assertEquals(List.of(2), senders(m.buildBlock(1, 2, 10)));   // 1 is priced out at base 10
        Mempool.Block late = m.buildBlock(1, 4, 1);
        assertEquals(List.of(), late.included());
        assertEquals(List.of(1), senders(late.expired()));
        assertEquals(0, m.size());
    }

    @Test
    void baseFeeRisesAnEighthPerFullBlockAndSpikesMultiplyIt() {
        GasMarket g = new GasMarket(20, 1, 15_000_000);
        g.afterBlock(30_000_000);                  // a full block: twice the target → +12.5%
        assertEquals(22.5, g.baseFee(), 1e-12);
        g.afterBlock(0);                           // an empty block → −12.5%
        assertEquals(22.5 * 0.875, g.baseFee(), 1e-12);
        g.setSpike(6);                             // Black Thursday: ~6x gas (MECHANISMS.md §9)
        assertEquals(6 * 22.5 * 0.875, g.baseFee(), 1e-12);
        // 300k gas at (base + 2 gwei priority) with ETH at $2,000.
        assertEquals(300_000 * (6 * 22.5 * 0.875 + 2) * 1e-9 * 2_000, g.cost(300_000, 2, 2_000), 1e-9);
    }
}
