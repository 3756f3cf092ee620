package backstop.protocol.liquidation;

import backstop.protocol.context.ClosedFill;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.EventBus;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.margin.AccountRisk;
import backstop.protocol.money.Amounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hyperliquid's liquidation waterfall, steps 1–2 (MECHANISMS §2): market orders go to the book first, with no fee —
 * for the full position, or as much as an optional {@link LiquidationThrottle} on the book step allows (Hyperliquid:
 * {@link HyperliquidChunks}, 20% of a position above $100k, the whole position inside the 30 s cooldown), the
 * book step stopping once the account is back above maintenance; if the account's equity is still below ⅔ of its
 * maintenance margin with positions left, the backstop vault (the Liquidator vault of HLP) takes over all its
 * positions at the margin price together with its remaining margin, so the trader's equity goes to 0 ("the
 * maintenance margin is not returned"). An isolated position is its own account here, so only that position and its
 * margin move. A negative remainder is the account's deficit for the loss waterfall. The vault unwinds what it holds at every block end with reduce-only IOC orders a
 * configurable slippage from the oracle, caused by the takeover; it is never liquidated by this policy.
 */
public final class BackstopVaultTakeover implements LiquidationPolicy, Tunable {
    /** Policy name (the design's {@code vault-takeover}; the absorber that pays from the vault is {@code backstop-vault}). */
    public static final String NAME = "vault-takeover";
    /** Policy name on the events of the book step (step 1). */
    public static final String BOOK = NAME + ":book";
    /** Policy name on the events of a takeover (step 2). */
    public static final String TAKEOVER = NAME + ":takeover";

    private final long thresholdNumerator;
    private final long thresholdDenominator;
    private final long bookSlippagePpm;
    private final PenaltySplit penalty;
    private final boolean protocolTriggered;
    private final long initialUnwindSlippagePpm;
    private final long initialMaxVaultNotional;
    private final LiquidationThrottle bookThrottle;
    private final Map<Integer, Long> takeoverCause = new TreeMap<>();
    private Parameter unwindSlippage;
    private Parameter maxVaultNotional;

    /**
     * @param thresholdNumerator   with the denominator: the vault takes over below this fraction of the maintenance
     *                             margin (Hyperliquid 2 / 3); 0 &lt; numerator ≤ denominator
     * @param thresholdDenominator see above, &gt; 0
     * @param bookSlippagePpm      book liquidation orders are limited this far from the oracle, in (0, 1_000_000)
     * @param penalty              charged on what the book closes (Hyperliquid: {@link PenaltySplit#NONE})
     * @param unwindSlippagePpm    the vault's unwind orders are limited this far from the oracle; 0: the vault holds
     *                             what it takes over; in [0, 1_000_000) ({@code vault_takeover.unwind_slippage_ppm})
     * @param maxVaultNotional     no takeover that would leave the vault with a position above this notional in a
     *                             market, quote micros, &gt; 0 ({@code vault_takeover.max_vault_notional_micros})
     * @param protocolTriggered    true: the protocol liquidates at each block end; false: keepers call
     */
    public BackstopVaultTakeover(long thresholdNumerator, long thresholdDenominator, long bookSlippagePpm,
                                 PenaltySplit penalty, long unwindSlippagePpm, long maxVaultNotional,
                                 boolean protocolTriggered) {
        this(thresholdNumerator, thresholdDenominator, bookSlippagePpm, penalty, unwindSlippagePpm, maxVaultNotional,
                null, protocolTriggered);
    }

    /**
     * As above, with {@code bookThrottle} limiting each book step (null: the full position). The throttle's
     * per-call caps apply; a throttle that keeps liquidating accounts across blocks by itself
     * ({@link LiquidationThrottle#continuesAcrossBlocks}) is refused, since this policy does not drive it.
     */
    public BackstopVaultTakeover(long thresholdNumerator, long thresholdDenominator, long bookSlippagePpm,
                                 PenaltySplit penalty, long unwindSlippagePpm, long maxVaultNotional,
                                 LiquidationThrottle bookThrottle, boolean protocolTriggered) {
        if (thresholdDenominator <= 0 || thresholdNumerator <= 0 || thresholdNumerator > thresholdDenominator) {
            throw new IllegalArgumentException("threshold: need 0 < numerator ≤ denominator, got " + thresholdNumerator
                    + " / " + thresholdDenominator);
        }
        if (bookSlippagePpm <= 0 || bookSlippagePpm >= Amounts.PPM) {
            throw new IllegalArgumentException("bookSlippagePpm: must be in (0, 1000000), got " + bookSlippagePpm);
        }
        if (unwindSlippagePpm < 0 || unwindSlippagePpm >= Amounts.PPM) {
            throw new IllegalArgumentException("unwindSlippagePpm: must be in [0, 1000000), got " + unwindSlippagePpm);
        }
        if (maxVaultNotional <= 0) {
            throw new IllegalArgumentException("maxVaultNotional: must be > 0, got " + maxVaultNotional);
        }
        if (bookThrottle != null && bookThrottle.continuesAcrossBlocks()) {
            throw new IllegalArgumentException("book_throttle: the " + bookThrottle.name() + " throttle continues liquidations"
                    + " across blocks, which the takeover policy does not drive; use a per-call throttle (dydx, hyperliquid)");
        }
        this.thresholdNumerator = thresholdNumerator;
        this.thresholdDenominator = thresholdDenominator;
        this.bookSlippagePpm = bookSlippagePpm;
        this.penalty = penalty;
        this.initialUnwindSlippagePpm = unwindSlippagePpm;
        this.initialMaxVaultNotional = maxVaultNotional;
        this.bookThrottle = bookThrottle;
        this.protocolTriggered = protocolTriggered;
    }

    /**
     * Hyperliquid (MECHANISMS §2): book orders in 20% chunks above $100k with the 30 s cooldown, takeover below
     * ⅔ MM, no fee, no cap on the vault. The 10% book and 1% unwind slippage bounds are assumptions, not
     * published values.
     */
    public static BackstopVaultTakeover hyperliquid() {
        return new BackstopVaultTakeover(2, 3, 100_000, PenaltySplit.NONE, 10_000, Long.MAX_VALUE,
                HyperliquidChunks.mainnet(), true);
    }

    /** The throttle on the book step, or null when the full position goes to the book. */
    public LiquidationThrottle bookThrottle() {
        return bookThrottle;
    }

    @Override
    public void register(Parameters parameters) {
        unwindSlippage = parameters.define("vault_takeover.unwind_slippage_ppm",
                "vault unwind orders' limit from the oracle; 0 holds", initialUnwindSlippagePpm, 0, Amounts.PPM - 1);
        maxVaultNotional = parameters.define("vault_takeover.max_vault_notional_micros",
                "largest position the vault may hold in a market after a takeover", initialMaxVaultNotional, 1,
                Long.MAX_VALUE);
        if (bookThrottle instanceof Tunable t) {
            t.register(parameters);
        }
    }

    private long unwindSlippagePpm() {
        return unwindSlippage == null ? initialUnwindSlippagePpm : unwindSlippage.value();
    }

    private long maxVaultNotional() {
        return maxVaultNotional == null ? initialMaxVaultNotional : maxVaultNotional.value();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean protocolTriggered() {
        return protocolTriggered;
    }

    /** The keeper's share of the book step's penalty (and the book throttle's flat reward); the takeover pays none. */
    @Override
    public KeeperReward keeperReward(int account) {
        long flat = bookThrottle == null ? 0 : bookThrottle.keeperFlatReward(account);
        return new KeeperReward(flat, penalty.penaltyPpm(), penalty.liquidatorSharePpm(), 0);
    }

    @Override
    public long accountState(int account) {
        return bookThrottle == null ? 0 : bookThrottle.accountState(account);
    }

    @Override
    public void liquidate(ProtocolContext ctx, int account, int liquidator, long causeId) {
        int vault = ctx.vaultAccount();
        if (vault < 0) {
            throw new IllegalStateException(NAME + " needs a backstop vault: set backstopVaultSeed > 0");
        }
        if (account == vault) {
            return;
        }
        ctx.cancelOrders(account, causeId);
        if (bookThrottle != null) {
            bookThrottle.onStart(ctx, account, liquidator);
        }
        for (long mask = ctx.accounts().positionMask(account); mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            if (bookThrottle != null && !ctx.risk(account).liquidatable()) {
                break; // a chunk brought the account back above maintenance
            }
            bookStep(ctx, account, m, liquidator, causeId);
        }
        AccountRisk r = ctx.risk(account);
        // Hyperliquid step 2: equity < ⅔ × MM without a successful book liquidation, exact in integers.
        if (ctx.accounts().hasPositions(account) && below(r)) {
            takeOver(ctx, account, vault, liquidator, causeId, r.health());
        }
    }

    /** Hyperliquid step 1 in one market: the position, or the throttle's chunk of it, to the book. */
    private void bookStep(ProtocolContext ctx, int account, int m, int liquidator, long causeId) {
        long size = ctx.accounts().size(account, m);
        long lots = bookThrottle == null ? Math.abs(size) : Math.min(Math.abs(size), bookThrottle.allowance(ctx, account, m));
        if (lots <= 0) {
            return;
        }
        long order = -Long.signum(size) * lots;
        ClosedFill fill = LiquidationStep.close(ctx, BOOK, account, m, order,
                LiquidationStep.limitAround(ctx.market(m), order, bookSlippagePpm), penalty, liquidator,
                lots < Math.abs(size), causeId);
        if (bookThrottle != null) {
            bookThrottle.record(ctx, account, m, lots, fill);
        }
    }

    /**
     * value × denominator &lt; MM × numerator, exact without overflow: for an integer value, value &lt; x ⇔ value &lt; ⌈x⌉
     * (a preset's threshold is in ppm, so the products overflowed a long beyond $9.2M of equity or debt).
     */
    private boolean below(AccountRisk r) {
        return r.value() < Amounts.mulDivCeil(r.maintenanceRequirement(), thresholdNumerator, thresholdDenominator);
    }

    private void takeOver(ProtocolContext ctx, int account, int vault, int liquidator, long causeId, double health) {
        List<Integer> markets = new ArrayList<>();
        long total = 0;
        for (long mask = ctx.accounts().positionMask(account); mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            long price = ctx.margin().marginPrice(m);
            long after = ctx.accounts().size(vault, m) + ctx.accounts().size(account, m);
            if (price <= 0 || !ctx.liquidationAllowed(m)
                    || Math.abs(ctx.market(m).spec().notional(after, price)) > maxVaultNotional()) {
                return; // all or nothing: the account stays with the book (and the waterfall if bankrupt)
            }
            markets.add(m);
            total += Math.abs(ctx.market(m).spec().notional(ctx.accounts().size(account, m), price));
        }
        EventBus events = ctx.events();
        long[] ids = new long[markets.size()];
        long[] sizes = new long[markets.size()];
        long[] notionals = new long[markets.size()];
        for (int i = 0; i < markets.size(); i++) {
            int m = markets.get(i);
            sizes[i] = ctx.accounts().size(account, m);
            long price = ctx.margin().marginPrice(m);
            notionals[i] = Math.abs(ctx.market(m).spec().notional(sizes[i], price));
            ids[i] = events.nextId();
            events.emit(new ProtocolEvent.Liquidation(ids[i], causeId, ctx.block(), account, m, -sizes[i], liquidator,
                    false, TAKEOVER, health));
            ctx.transferPosition(account, vault, m, sizes[i], price, "vault-takeover", ids[i]);
            takeoverCause.put(m, ids[i]);
        }
        // The account now holds its equity at the margin price in cash: the vault keeps it (MM not returned).
        long margin = Math.max(0, ctx.ledger().balance(account));
        ctx.post(account, vault, margin, PostingReason.LIQUIDATION_PENALTY);
        long left = margin;
        for (int i = 0; i < markets.size(); i++) {
            long share = i == markets.size() - 1 ? left : Amounts.mulDivFloor(margin, notionals[i], total);
            left -= share;
            events.emit(new ProtocolEvent.LiquidationSettled(events.nextId(), ids[i], ctx.block(), account,
                    markets.get(i), Math.abs(sizes[i]), notionals[i], share, 0));
        }
    }

    /** The vault unwinds its positions into the book with reduce-only IOC orders, before this block's liquidations. */
    @Override
    public void onEndBlock(ProtocolContext ctx) {
        int vault = ctx.vaultAccount();
        long slippage = unwindSlippagePpm();
        if (vault < 0 || slippage == 0) {
            return;
        }
        for (long mask = ctx.accounts().positionMask(vault); mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            long size = -ctx.accounts().size(vault, m);
            ctx.closeIntoBook(vault, m, size, LiquidationStep.limitAround(ctx.market(m), size, slippage),
                    takeoverCause.getOrDefault(m, 0L));
        }
    }
}
