package backstop.experiments.crash;

import java.util.SplittableRandom;

/**
 * The inputs of a {@link ScriptedCrash}: population, book depth and the oracle path — calm for
 * {@code calmBlocks}, then a fall of {@code drawdown} over {@code crashBlocks} (linear, with noise of
 * {@code noise} per block), then flat with noise.
 */
public record CrashSpec(long seed, int traders, double maxLeverage, double makerCapital, int bookLevels,
                        double levelSizeBase, double startPrice, int calmBlocks, int crashBlocks, int blocks,
                        double drawdown, double noise, int entryBlocks, long blockSeconds,
                        long initialMarginPpm, long maintenanceMarginPpm) {

    public CrashSpec {
        if (traders < 1 || blocks < 1 || calmBlocks < 0 || crashBlocks < 1 || entryBlocks < 1 || entryBlocks > calmBlocks + 1) {
            throw new IllegalArgumentException("crash spec: need traders ≥ 1, blocks ≥ 1, crashBlocks ≥ 1 and 1 ≤ entryBlocks ≤ calmBlocks + 1");
        }
        if (!(drawdown > 0 && drawdown < 1) || noise < 0 || maxLeverage < 2 || startPrice <= 0) {
            throw new IllegalArgumentException("crash spec: need 0 < drawdown < 1, noise ≥ 0, maxLeverage ≥ 2, startPrice > 0");
        }
    }

    /** The default: 1,000 traders up to 9.5x, a 30% fall over 30 one-second blocks after a 1-minute calm, on a book of 10 levels of ~0.5 BTC a side. */
    public static CrashSpec standard(long seed) {
        return new CrashSpec(seed, 1_000, 9.5, 50_000_000, 10, 0.5, 20_000, 60, 30, 600, 0.30, 0.0005, 30, 1,
                100_000, 50_000);
    }

    /** The oracle price (ticks) of block {@code b}. */
    long priceAt(int b, long start, SplittableRandom rnd) {
        double progress = b < calmBlocks ? 0 : Math.min(1.0, (b - calmBlocks) / (double) crashBlocks);
        double level = 1 - drawdown * progress;
        double jitter = 1 + noise * (2 * rnd.nextDouble() - 1);
        return Math.max(1, Math.round(start * level * jitter));
    }
}
