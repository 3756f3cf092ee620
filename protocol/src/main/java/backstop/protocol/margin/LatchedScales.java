package backstop.protocol.margin;

import backstop.protocol.money.Amounts;

import java.util.Arrays;

/**
 * Per-market margin scales (ppm, 1000000 = 1×) clamped to [floor, cap], which change only when a proposed
 * scale moves more than a relative threshold away from the one in force (or reaches a bound it is not
 * already at). Between changes the scale in force stays fixed, so the risk index built on it is never stale
 * and is rebuilt only on the changes reported.
 */
final class LatchedScales {
    private final long floorPpm;
    private final long capPpm;
    private final long thresholdPpm;
    private long[] scale = new long[0];

    LatchedScales(long floorPpm, long capPpm, long thresholdPpm) {
        if (floorPpm <= 0 || capPpm < floorPpm) {
            throw new IllegalArgumentException("floorPpm, capPpm: need 0 < floor ≤ cap, got " + floorPpm + ", " + capPpm);
        }
        if (thresholdPpm < 0) {
            throw new IllegalArgumentException("rebuildThresholdPpm: must be ≥ 0, got " + thresholdPpm);
        }
        this.floorPpm = floorPpm;
        this.capPpm = capPpm;
        this.thresholdPpm = thresholdPpm;
    }

    /** The scale before any proposal: 1× clamped to the bounds. */
    long initial() {
        return Math.max(floorPpm, Math.min(capPpm, Amounts.PPM));
    }

    /** The scale in force for a market. */
    long of(int market) {
        return market < scale.length ? scale[market] : initial();
    }

    /** The ratio (1.0 = 1×) as a clamped ppm scale, rounded up (against the account). */
    long clamp(double ratio) {
        double ppm = Math.ceil(ratio * Amounts.PPM);
        return (long) Math.max(floorPpm, Math.min(capPpm, ppm));
    }

    /**
     * Proposes a scale for the market from the ratio σ / σ_ref; adopts it and returns true if it differs
     * from the scale in force by more than the threshold (relative), or sits at a bound the old one did not.
     */
    boolean propose(int market, double ratio) {
        if (Double.isNaN(ratio)) {
            return false;
        }
        if (market >= scale.length) {
            int old = scale.length;
            scale = Arrays.copyOf(scale, market + 1);
            Arrays.fill(scale, old, scale.length, initial());
        }
        long next = clamp(ratio);
        long current = scale[market];
        if (next == current) {
            return false;
        }
        boolean beyond = Math.multiplyExact(Math.abs(next - current), Amounts.PPM)
                > Math.multiplyExact(thresholdPpm, current);
        if (beyond || next == floorPpm || next == capPpm) {
            scale[market] = next;
            return true;
        }
        return false;
    }

    /** A base fraction times a scale, rounded up and at most 100%. */
    static long apply(long basePpm, long scalePpm) {
        return Math.min(Amounts.PPM, Amounts.mulDivCeil(basePpm, scalePpm, Amounts.PPM));
    }
}
