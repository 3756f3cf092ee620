package backstop.protocol.liquidation;

import backstop.protocol.context.ClosedFill;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;

/**
 * dYdX v4's per-block liquidation limits (MECHANISMS.md §1, mainnet liquidations config), read from the
 * chain's {@code GetLiquidatablePositionSizeDelta} and {@code GetMaxAndMinPositionNotionalLiquidatable}. With
 * N the position's notional at the oracle price:
 * <ul>
 *   <li>position limit = max(min($1,000, N), ⌊10% × N⌋): at most {@code max_position_portion_liquidated_ppm}
 *   of the position, but never less than {@code min_position_notional_liquidated} (or the whole position,
 *   if smaller);</li>
 *   <li>subaccount limit = $100k ({@code max_notional_liquidated}) less the notional already liquidated from
 *   the account this block;</li>
 *   <li>if N ≤ min(both) the whole position goes; else ⌊min(both) / (price × quote per lot)⌋ lots, at least
 *   one and at most the position.</li>
 * </ul>
 * As on the chain, one liquidation order per account per block: one position per block, the lowest market id
 * first (the chain starts at a pseudo-random position). The filled lots count toward the subaccount limit at
 * the oracle notional.
 */
public final class DydxBlockLimits implements LiquidationThrottle, Tunable {
    private final GovernedSetting portionPpm;
    private final GovernedSetting minNotional;
    private final GovernedSetting maxPerBlock;
    private final Int2LongOpenHashMap liquidatedThisBlock = new Int2LongOpenHashMap();
    private long block = Long.MIN_VALUE;

    /**
     * {@code maxPositionPortionPpm}: share of a position liquidated per block (ppm, (0, 1e6]);
     * {@code minPositionNotional}: floor of the per-position limit (quote micros); {@code maxNotionalPerBlock}:
     * notional liquidated from one account per block (quote micros, &gt; 0).
     */
    public DydxBlockLimits(long maxPositionPortionPpm, long minPositionNotional, long maxNotionalPerBlock) {
        this.portionPpm = new GovernedSetting("liquidation.max_position_portion_ppm", "maxPositionPortionPpm",
                "share of a position liquidated per block (ppm)", maxPositionPortionPpm, 1, Amounts.PPM);
        this.minNotional = new GovernedSetting("liquidation.min_position_notional", "minPositionNotional",
                "floor of the per-position block limit (quote micros)", minPositionNotional, 0, Long.MAX_VALUE);
        this.maxPerBlock = new GovernedSetting("liquidation.max_notional_per_block", "maxNotionalPerBlock",
                "notional liquidated from one account per block (quote micros)", maxNotionalPerBlock, 1, Long.MAX_VALUE);
    }

    /** Mainnet genesis: 10% of a position, at least $1,000, at most $100k per account per block. */
    public static DydxBlockLimits mainnet() {
        return new DydxBlockLimits(100_000, Amounts.micros(1_000), Amounts.micros(100_000));
    }

    @Override
    public String name() {
        return "dydx";
    }

    @Override
    public void register(Parameters parameters) {
        portionPpm.register(parameters);
        minNotional.register(parameters);
        maxPerBlock.register(parameters);
    }

    @Override
    public long allowance(ProtocolContext ctx, int account, int market) {
        roll(ctx.block());
        if (liquidatedThisBlock.containsKey(account)) {
            return 0;
        }
        long abs = Math.abs(ctx.accounts().size(account, market));
        MarketSpec spec = ctx.market(market).spec();
        long price = ctx.market(market).oraclePrice();
        long notional = spec.notional(abs, price);
        long positionLimit = Math.max(Math.min(minNotional.get(), notional), Amounts.ppmFloor(notional, portionPpm.get()));
        long accountLimit = maxPerBlock.get() - liquidatedThisBlock.get(account);
        long limit = Math.min(positionLimit, accountLimit);
        if (notional <= limit) {
            return abs;
        }
        long lots = limit / Math.multiplyExact(price, spec.quotePerLotTick());
        return Math.max(1, Math.min(abs, lots));
    }

    @Override
    public void record(ProtocolContext ctx, int account, int market, long requested, ClosedFill fill) {
        roll(ctx.block());
        long notional = ctx.market(market).spec().notional(fill.size(), ctx.market(market).oraclePrice());
        liquidatedThisBlock.addTo(account, notional);
    }

    /** Notional (quote micros, at the oracle) liquidated from the account in the current block. */
    public long liquidatedThisBlock(int account) {
        return liquidatedThisBlock.get(account);
    }

    private void roll(long now) {
        if (now != block) {
            block = now;
            liquidatedThisBlock.clear();
        }
    }
}
