package backstop.protocol.liquidation;

import backstop.protocol.context.ClosedFill;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.money.Amounts;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;

/**
 * Hyperliquid's partial book liquidation (MECHANISMS.md §2): a position worth more than $100k (at the margin
 * price, the mark under Hyperliquid's design) is sent 20% at a time; smaller ones whole. "After a block with
 * a partial liquidation there is a 30 s cooldown, during which liquidation orders are for the entire
 * position" — read literally: once a partial order has gone out in some block at time t, any liquidation of
 * the account in a <i>later</i> block before t + 30 s sends the whole position; from t + 30 s on, a large
 * position is chunked again. So an account gets at most one 20% chunk per 30 s, and a second breach inside
 * the cooldown closes it out. Within the block of the partial order itself the rule has not started yet.
 * The chunk is rounded up (at least one lot).
 */
public final class HyperliquidChunks implements LiquidationThrottle, Tunable {
    private final GovernedSetting partialAbove;
    private final GovernedSetting fractionPpm;
    private final GovernedSetting cooldownSeconds;
    private final Int2LongOpenHashMap partialTime = new Int2LongOpenHashMap();
    private final Int2LongOpenHashMap partialBlock = new Int2LongOpenHashMap();

    /**
     * {@code partialAboveNotional}: positions worth more than this (quote micros) are chunked;
     * {@code fractionPpm}: the chunk, ppm of the position ((0, 1e6]); {@code cooldownSeconds}: how long after
     * a partial liquidation orders are for the whole position (≥ 0).
     */
    public HyperliquidChunks(long partialAboveNotional, long fractionPpm, long cooldownSeconds) {
        this.partialAbove = new GovernedSetting("liquidation.partial_above_notional", "partialAboveNotional",
                "positions worth more than this are liquidated in chunks (quote micros)", partialAboveNotional, 0,
                Long.MAX_VALUE);
        this.fractionPpm = new GovernedSetting("liquidation.partial_fraction_ppm", "fractionPpm",
                "chunk of a large position sent per liquidation (ppm)", fractionPpm, 1, Amounts.PPM);
        this.cooldownSeconds = new GovernedSetting("liquidation.cooldown_seconds", "cooldownSeconds",
                "after a partial liquidation, seconds during which orders are for the whole position", cooldownSeconds,
                0, Long.MAX_VALUE);
    }

    /** Hyperliquid mainnet: 20% chunks above $100k, 30 s cooldown (testnet chunks above $10k). */
    public static HyperliquidChunks mainnet() {
        return new HyperliquidChunks(Amounts.micros(100_000), 200_000, 30);
    }

    @Override
    public String name() {
        return "hyperliquid";
    }

    @Override
    public void register(Parameters parameters) {
        partialAbove.register(parameters);
        fractionPpm.register(parameters);
        cooldownSeconds.register(parameters);
    }

    @Override
    public long allowance(ProtocolContext ctx, int account, int market) {
        long abs = Math.abs(ctx.accounts().size(account, market));
        long notional = ctx.market(market).spec().notional(abs, ctx.margin().marginPrice(market));
        if (notional <= partialAbove.get() || inCooldown(ctx, account)) {
            return abs;
        }
        return Math.min(abs, Math.max(1, Amounts.mulDivCeil(abs, fractionPpm.get(), Amounts.PPM)));
    }

    /** Whether a partial liquidation in an earlier block started a cooldown that is still running. */
    public boolean inCooldown(ProtocolContext ctx, int account) {
        return partialTime.containsKey(account) && partialBlock.get(account) < ctx.block()
                && ctx.now() - partialTime.get(account) < cooldownSeconds.get();
    }

    /** The block of the account's latest partial liquidation (its cooldown), -1 if none. */
    @Override
    public long accountState(int account) {
        return partialBlock.getOrDefault(account, -1L);
    }

    @Override
    public void record(ProtocolContext ctx, int account, int market, long requested, ClosedFill fill) {
        if (requested < Math.abs(ctx.accounts().size(account, market)) + fill.size()) {
            partialTime.put(account, ctx.now());
            partialBlock.put(account, ctx.block());
        }
    }
}
