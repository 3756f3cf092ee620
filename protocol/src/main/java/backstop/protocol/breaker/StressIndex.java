package backstop.protocol.breaker;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;

import java.util.ArrayDeque;

/**
 * A protocol-wide stress index, in ppm, from three observable signals over a trailing window of
 * {@code windowSeconds}; each is divided by the level that counts as full stress and the three are added,
 * so 1,000,000 means "one signal at its full-stress level" (a scale of 0 leaves a signal out):
 * <ul>
 * <li>realized volatility: √Σ r², r the ppm return between consecutive accepted oracle prices of a market
 *     (truncated toward zero), the largest over markets, in ppm, not annualized;</li>
 * <li>liquidation volume: the |notional| of {@code liquidation_settled} events in the window, ppm of TVL
 *     (total account cash, as {@link WithdrawalGate} counts it);</li>
 * <li>insurance drawdown: the insurance funds' total below its running peak, ppm of the peak (not windowed).</li>
 * </ul>
 * Feed it every event ({@link #observe}); {@link #update} evaluates it at a block end. All integer arithmetic.
 */
public final class StressIndex {
    private final long windowSeconds;
    private final long volatilityScalePpm;
    private final long liquidationScalePpm;
    private final long drawdownScalePpm;
    private ArrayDeque<long[]>[] squaredReturns;
    private long[] sumSquares;
    private long[] lastPrice;
    private final ArrayDeque<long[]> liquidations = new ArrayDeque<>();
    private long liquidated;
    private long insurancePeak;
    private long volatilityPpm;
    private long liquidationPpm;
    private long drawdownPpm;
    private long indexPpm;

    /**
     * @param windowSeconds       trailing window for volatility and liquidation volume, seconds (> 0)
     * @param volatilityScalePpm  realized volatility over the window that counts as full stress, ppm (≥ 0; 0: off)
     * @param liquidationScalePpm liquidated notional in the window that counts as full stress, ppm of TVL (≥ 0; 0: off)
     * @param drawdownScalePpm    insurance drawdown that counts as full stress, ppm of the peak (≥ 0; 0: off)
     */
    public StressIndex(long windowSeconds, long volatilityScalePpm, long liquidationScalePpm, long drawdownScalePpm) {
        this.windowSeconds = Require.atLeast("windowSeconds", windowSeconds, 1);
        this.volatilityScalePpm = Require.atLeast("volatilityScalePpm", volatilityScalePpm, 0);
        this.liquidationScalePpm = Require.atLeast("liquidationScalePpm", liquidationScalePpm, 0);
        this.drawdownScalePpm = Require.atLeast("drawdownScalePpm", drawdownScalePpm, 0);
    }

    /** Takes in one protocol event (oracle prices and settled liquidations count). */
    @SuppressWarnings("unchecked")
    public void observe(ProtocolContext ctx, ProtocolEvent event) {
        if (squaredReturns == null) {
            int n = ctx.markets().size();
            squaredReturns = new ArrayDeque[n];
            for (int m = 0; m < n; m++) {
                squaredReturns[m] = new ArrayDeque<>();
            }
            sumSquares = new long[n];
            lastPrice = new long[n];
        }
        if (event instanceof ProtocolEvent.OraclePrice o) {
            int m = o.market();
            if (lastPrice[m] > 0) {
                long r = Amounts.mulDivFloor(Math.abs(o.price() - lastPrice[m]), Amounts.PPM, lastPrice[m]);
                long square = Math.multiplyExact(r, r);
                squaredReturns[m].addLast(new long[] {ctx.now(), square});
                sumSquares[m] = Math.addExact(sumSquares[m], square);
            }
            lastPrice[m] = o.price();
        } else if (event instanceof ProtocolEvent.LiquidationSettled s && s.notional() != 0) {
            liquidations.addLast(new long[] {ctx.now(), Math.abs(s.notional())});
            liquidated = Math.addExact(liquidated, Math.abs(s.notional()));
        }
    }

    /** Drops what left the window and recomputes the index as of now; returns it (ppm). */
    public long update(ProtocolContext ctx) {
        long cutoff = ctx.now() - windowSeconds;
        volatilityPpm = 0;
        for (int m = 0; squaredReturns != null && m < squaredReturns.length; m++) {
            while (!squaredReturns[m].isEmpty() && squaredReturns[m].peekFirst()[0] <= cutoff) {
                sumSquares[m] -= squaredReturns[m].pollFirst()[1];
            }
            volatilityPpm = Math.max(volatilityPpm, isqrt(sumSquares[m]));
        }
        while (!liquidations.isEmpty() && liquidations.peekFirst()[0] <= cutoff) {
            liquidated -= liquidations.pollFirst()[1];
        }
        liquidationPpm = Amounts.mulDivFloor(liquidated, Amounts.PPM, Math.max(1, WithdrawalGate.tvl(ctx)));
        long insurance = insuranceTotal(ctx);
        insurancePeak = Math.max(insurancePeak, insurance);
        drawdownPpm = insurancePeak == 0 ? 0 : Amounts.mulDivFloor(insurancePeak - insurance, Amounts.PPM, insurancePeak);
        indexPpm = share(volatilityPpm, volatilityScalePpm) + share(liquidationPpm, liquidationScalePpm)
                + share(drawdownPpm, drawdownScalePpm);
        return indexPpm;
    }

    private static long share(long value, long scale) {
        return scale == 0 ? 0 : Amounts.mulDivFloor(value, Amounts.PPM, scale);
    }

    private static long insuranceTotal(ProtocolContext ctx) {
        long total = 0;
        int n = ctx.markets().size();
        for (int m = 0; m < n; m++) {
            int pot = ctx.insuranceFund(m);
            boolean seen = false;
            for (int k = 0; k < m && !seen; k++) {
                seen = ctx.insuranceFund(k) == pot; // a shared fund counts once
            }
            if (!seen) {
                total += ctx.ledger().balance(pot);
            }
        }
        return total;
    }

    static long isqrt(long x) {
        long r = (long) Math.sqrt((double) x);
        while (r * r > x) {
            r--;
        }
        while ((r + 1) * (r + 1) <= x) {
            r++;
        }
        return r;
    }

    /** The index as of the last update, ppm. */
    public long indexPpm() {
        return indexPpm;
    }

    /** Realized volatility over the window as of the last update (largest over markets), ppm. */
    public long volatilityPpm() {
        return volatilityPpm;
    }

    /** Liquidated notional in the window as of the last update, ppm of TVL. */
    public long liquidationPpm() {
        return liquidationPpm;
    }

    /** Insurance funds' drawdown from their peak as of the last update, ppm. */
    public long drawdownPpm() {
        return drawdownPpm;
    }

    /** The three signals and the index, for logs. */
    String describe() {
        return "index " + indexPpm + " ppm (volatility " + volatilityPpm + ", liquidations " + liquidationPpm
                + ", insurance drawdown " + drawdownPpm + ")";
    }
}
