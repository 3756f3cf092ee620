package backstop.protocol.risk;

import backstop.protocol.Protocol;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;

/**
 * Prints the heap a protocol needs per account: a million idle accounts (opened and funded), then a million
 * each holding one position indexed by the risk engine. Not a test; run with
 * {@code java -Xmx4g -cp <test classpath> backstop.protocol.risk.MemoryFootprint [accounts]}.
 */
public final class MemoryFootprint {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private MemoryFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.printf("accounts: %,d; heap figures are used heap after repeated System.gc()%n", n);

        long before = settledHeap();
        long start = System.currentTimeMillis();
        Protocol idle = RiskEngineBenchmark.Population.idle(n);
        long built = System.currentTimeMillis() - start;
        long after = settledHeap();
        report("idle (opened, funded, no position)", idle.accounts().count(), before, after, built, idle);
        Reference.reachabilityFence(idle);
        idle = null;

        before = settledHeap();
        start = System.currentTimeMillis();
        Protocol positions = RiskEngineBenchmark.Population.leveragedLongs(n, RiskEngineBenchmark.SEED).protocol;
        built = System.currentTimeMillis() - start;
        after = settledHeap();
        report("one long position each (plus the maker)", positions.accounts().count(), before, after, built, positions);
        Reference.reachabilityFence(positions);
    }

    private static void report(String label, int accounts, long before, long after, long buildMillis, Protocol p) {
        System.out.printf("%-42s %,12d bytes for %,d accounts = %6.1f bytes/account (risk index %,d entries; built in %,d ms)%n",
                label, after - before, accounts, (after - before) / (double) accounts, p.risk().indexSize(), buildMillis);
    }

    /** Used heap once repeated collections have nothing left to free; the sleeps let concurrent phases finish. */
    private static long settledHeap() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
