package backstop.protocol.waterfall;

import backstop.protocol.account.Accounts;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.AbsorberKind;
import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.money.Amounts;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * The insurance fund with Binance's rules (MECHANISMS.md §3, older API docs), each an option:
 * <ul>
 *   <li><b>net-notional cap</b>: the fund takes over no position whose notional exceeds {@code maxNotionalPpm} (20%)
 *   of its balance, so for a bankrupt account holding one its capacity is 0 and the position stage goes on to ADL.
 *   The cap is on positions the fund would take over, so it binds in the position stage only; a loss already
 *   realized in the book is paid as usual.</li>
 *   <li><b>8-hour exit</b>: when the fund has fallen {@code exitLossPpm} (7.5%) below its highest balance seen in the
 *   last {@code windowSeconds} (8 h), it "leaves the market" for {@code exitSeconds} (8 h): capacity 0 and no draws,
 *   so losses go straight to the next absorber (ADL). Binance first places a limit order within 2.5% of the market
 *   to clear its own position; the fund here holds none, so leaving is modeled as paying nothing. Balances are seen
 *   whenever the waterfall asks, which is every time the fund could pay, so every fall is seen.</li>
 * </ul>
 * Set a fraction to 0 to switch its rule off. Tunable: {@code insurance.binance.max_notional_ppm},
 * {@code insurance.binance.exit_loss_ppm}, {@code insurance.binance.window_seconds},
 * {@code insurance.binance.exit_seconds}.
 */
public final class BinanceInsuranceFund implements LossAbsorber, Tunable {
    private final long maxNotionalPpm;
    private final long exitLossPpm;
    private final long windowSeconds;
    private final long exitSeconds;
    private Parameter maxNotional;
    private Parameter exitLoss;
    private Parameter window;
    private Parameter exit;
    private final Map<Integer, Deque<long[]>> seen = new TreeMap<>();
    private final Map<Integer, Long> exitedUntil = new TreeMap<>();
    private int pendingAccount = -1;
    private long pendingBlock = -1;

    /**
     * @param maxNotionalPpm largest position notional the fund takes over, ppm of its balance (Binance 200,000); 0: no cap
     * @param exitLossPpm    fall from the window's peak balance that makes the fund leave, ppm (Binance 75,000); 0: never
     * @param windowSeconds  the rolling window of that check, seconds (Binance 28,800)
     * @param exitSeconds    how long the fund stays out, seconds (Binance 28,800)
     */
    public BinanceInsuranceFund(long maxNotionalPpm, long exitLossPpm, long windowSeconds, long exitSeconds) {
        if (maxNotionalPpm < 0 || exitLossPpm < 0 || exitLossPpm > Amounts.PPM || windowSeconds < 0 || exitSeconds < 0) {
            throw new IllegalArgumentException("BinanceInsuranceFund: need maxNotionalPpm ≥ 0, exitLossPpm in [0, 1e6], "
                    + "windowSeconds ≥ 0, exitSeconds ≥ 0; got " + maxNotionalPpm + ", " + exitLossPpm + ", "
                    + windowSeconds + ", " + exitSeconds);
        }
        this.maxNotionalPpm = maxNotionalPpm;
        this.exitLossPpm = exitLossPpm;
        this.windowSeconds = windowSeconds;
        this.exitSeconds = exitSeconds;
    }

    /** Binance's published values: 20% net-notional cap, 7.5% fall in 8 h, out for 8 h. */
    public static BinanceInsuranceFund standard() {
        return new BinanceInsuranceFund(200_000, 75_000, 28_800, 28_800);
    }

    @Override
    public String name() {
        return "binance-insurance-fund";
    }

    @Override
    public AbsorberKind kind() {
        return AbsorberKind.INSURANCE;
    }

    @Override
    public void register(Parameters parameters) {
        maxNotional = parameters.define("insurance.binance.max_notional_ppm",
                "largest position the fund takes over, ppm of its balance (0: no cap)", maxNotionalPpm, 0, 100 * Amounts.PPM);
        exitLoss = parameters.define("insurance.binance.exit_loss_ppm",
                "fall within the window that makes the fund leave the market, ppm (0: never)", exitLossPpm, 0, Amounts.PPM);
        window = parameters.define("insurance.binance.window_seconds", "rolling loss-check window, seconds",
                windowSeconds, 0, 365L * 86_400);
        exit = parameters.define("insurance.binance.exit_seconds", "how long the fund stays out, seconds",
                exitSeconds, 0, 365L * 86_400);
    }

    /** Position stage: only notes which bankrupt account the next {@link #capacity} call is about. */
    @Override
    public void resolvePositions(ProtocolContext ctx, int account, long causeId) {
        pendingAccount = account;
        pendingBlock = ctx.block();
    }

    @Override
    public long capacity(ProtocolContext ctx, int market) {
        int pot = ctx.insuranceFund(market);
        long balance = observe(ctx, pot);
        if (out(ctx, pot)) {
            return 0;
        }
        long capPpm = value(maxNotional, maxNotionalPpm);
        // Binance: maximum net notional = 20% of fund size, MECHANISMS §3.
        if (capPpm > 0 && pendingBlock == ctx.block() && ctx.accounts().exists(pendingAccount)
                && largestNotional(ctx, pendingAccount) > Amounts.ppmFloor(balance, capPpm)) {
            return 0;
        }
        return balance;
    }

    @Override
    public long absorb(ProtocolContext ctx, int account, int market, long deficit, long causeId) {
        int pot = ctx.insuranceFund(market);
        observe(ctx, pot);
        if (out(ctx, pot)) {
            return 0;
        }
        long paid = Math.min(deficit, ctx.ledger().balance(pot));
        ctx.post(pot, account, paid, PostingReason.INSURANCE_DRAW);
        long after = observe(ctx, pot);
        long peak = 0;
        for (long[] s : seen.get(pot)) {
            peak = Math.max(peak, s[1]);
        }
        long lossPpm = value(exitLoss, exitLossPpm);
        // Binance 8-hour rolling loss check, MECHANISMS §3: fell 7.5% → leaves the market for 8 h.
        if (lossPpm > 0 && peak > 0 && peak - after >= Amounts.ppmCeil(peak, lossPpm)) {
            exitedUntil.put(pot, ctx.now() + value(exit, exitSeconds));
        }
        return paid;
    }

    /** Until when (seconds) the fund of {@code pot} stays out of the market; Long.MIN_VALUE if it never left. */
    public long outUntil(int pot) {
        return exitedUntil.getOrDefault(pot, Long.MIN_VALUE);
    }

    private boolean out(ProtocolContext ctx, int pot) {
        return ctx.now() < outUntil(pot);
    }

    /** Records the fund's balance now and forgets what fell out of the window; returns the balance. */
    private long observe(ProtocolContext ctx, int pot) {
        long now = ctx.now();
        long balance = ctx.ledger().balance(pot);
        Deque<long[]> samples = seen.computeIfAbsent(pot, k -> new ArrayDeque<>());
        long[] last = samples.peekLast();
        if (last == null || last[1] != balance || last[0] != now) {
            samples.addLast(new long[] {now, balance});
        }
        long horizon = now - value(window, windowSeconds);
        while (samples.size() > 1 && samples.peekFirst()[0] < horizon) {
            samples.removeFirst();
        }
        return balance;
    }

    private static long largestNotional(ProtocolContext ctx, int account) {
        Accounts accounts = ctx.accounts();
        long max = 0;
        for (long mask = accounts.positionMask(account); mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            max = Math.max(max, Math.abs(ctx.market(m).spec().notional(accounts.size(account, m), ctx.margin().marginPrice(m))));
        }
        return max;
    }

    private static long value(Parameter p, long fallback) {
        return p == null ? fallback : p.value();
    }
}
