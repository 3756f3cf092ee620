package backstop.protocol.waterfall;

import backstop.protocol.context.ClosedFill;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.AbsorberKind;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;

/**
 * The liquidation engine's takeover of a bankrupt position (BitMEX, Binance; MECHANISMS.md §3): a venue whose
 * liquidation orders never go past the bankruptcy price cannot close a bankrupt account's position in the book by
 * those orders — the book is beyond that price by definition — so its engine takes the position over at the
 * bankruptcy price and works it into the book, and the insurance fund pays what the engine realizes below that price.
 * Here: in the waterfall's position stage, while the absorbers listed before this one (the fund) could pay the
 * deficit projected at the margin price, each of the account's positions is closed into the book no further than
 * {@code slippagePpm} from the oracle (one {@code liquidation} event of policy {@value #NAME} each, no penalty); the
 * account, flat, then has its deficit paid in the deficit stage. What the book cannot take within the band stays for
 * the next block; when the fund could not pay, this step does nothing and the absorbers after it (ADL) act.
 * Its own capacity is 0: it moves a loss to the fund, it pays none.
 */
public final class EngineTakeover implements LossAbsorber {
    /** Its name in configs and events. */
    public static final String NAME = "engine-takeover";

    private final long slippagePpm;

    /** @param slippagePpm how far from the oracle the engine's orders may fill, ppm in (0, 1e6) */
    public EngineTakeover(long slippagePpm) {
        if (slippagePpm <= 0 || slippagePpm >= Amounts.PPM) {
            throw new IllegalArgumentException("slippagePpm: must be in (0, 1000000), got " + slippagePpm);
        }
        this.slippagePpm = slippagePpm;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AbsorberKind kind() {
        return AbsorberKind.INSURANCE;
    }

    /** The band the engine's orders keep to, ppm of the oracle. */
    public long slippagePpm() {
        return slippagePpm;
    }

    @Override
    public void resolveCovered(ProtocolContext ctx, int account, long causeId) {
        for (int m : AutoDeleveraging.marketsMostLosingFirst(ctx, account)) {
            long size = ctx.accounts().size(account, m);
            if (size == 0 || !ctx.liquidationAllowed(m)) {
                continue;
            }
            long close = -size;
            long oracle = ctx.market(m).oraclePrice();
            long band = Amounts.ppmFloor(oracle, slippagePpm);
            long limit = close < 0 ? Math.max(1, oracle - band) : oracle + band;
            if (!ctx.canCloseIntoBook(account, m, close, limit)) {
                continue;
            }
            double health = ctx.risk(account).health();
            long id = ctx.events().nextId();
            ctx.events().emit(new ProtocolEvent.Liquidation(id, causeId, ctx.block(), account, m, close, -1, false,
                    NAME, health));
            ClosedFill fill = ctx.closeIntoBook(account, m, close, limit, id);
            ctx.events().emit(new ProtocolEvent.LiquidationSettled(ctx.events().nextId(), id, ctx.block(), account, m,
                    fill.size(), fill.notional(), 0, 0));
        }
    }
}
