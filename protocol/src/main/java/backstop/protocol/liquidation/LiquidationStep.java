package backstop.protocol.liquidation;

import backstop.protocol.context.ClosedFill;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.market.Market;
import backstop.protocol.money.Amounts;

/**
 * One liquidation step shared by every book-based policy: emit the {@code liquidation} event, close up to
 * {@code size} lots into the book at a limit, charge the penalty, pay the keeper's share, and emit the
 * {@code liquidation_settled} event. Returns what was closed. An attempt that could fill nothing (an empty book
 * within the limit, liquidations paused) emits nothing and closes nothing: an engine that retries every block into an
 * empty book would otherwise fill the event log with liquidations that did not happen.
 */
public final class LiquidationStep {
    private LiquidationStep() {
    }

    /**
     * Closes {@code size} lots (signed: negative sells) of the account's position in {@code market} at no
     * worse than {@code limitPrice}. {@code liquidator} is the keeper's account or -1.
     */
    public static ClosedFill close(ProtocolContext ctx, String policy, int account, int market, long size,
                                   long limitPrice, PenaltySplit penalty, int liquidator, boolean partial,
                                   long causeId) {
        if (!ctx.canCloseIntoBook(account, market, size, limitPrice)) {
            return ClosedFill.NOTHING;
        }
        double health = ctx.risk(account).health();
        long id = ctx.events().nextId();
        ctx.events().emit(new ProtocolEvent.Liquidation(id, causeId, ctx.block(), account, market, size, liquidator,
                partial, policy, health));
        ClosedFill fill = ctx.closeIntoBook(account, market, size, limitPrice, id);
        long charged = charge(ctx, account, fill.notional(), penalty.penaltyPpm());
        long reward = liquidator >= 0 ? Amounts.ppmFloor(charged, penalty.liquidatorSharePpm()) : 0;
        ctx.post(account, ctx.insuranceFund(market), charged - reward, PostingReason.LIQUIDATION_PENALTY);
        ctx.post(account, liquidator, reward, PostingReason.LIQUIDATOR_REWARD);
        ctx.events().emit(new ProtocolEvent.LiquidationSettled(ctx.events().nextId(), id, ctx.block(), account, market,
                fill.size(), fill.notional(), charged - reward, reward));
        return fill;
    }

    /** A limit {@code slippagePpm} away from the oracle on the side that closes {@code size}. */
    public static long limitAround(Market market, long size, long slippagePpm) {
        long oracle = market.oraclePrice();
        long band = Amounts.ppmFloor(oracle, slippagePpm);
        return size < 0 ? Math.max(1, oracle - band) : oracle + band;
    }

    /** The penalty on {@code notional}, capped at what the account is still worth (never pushes it below 0). */
    private static long charge(ProtocolContext ctx, int account, long notional, long penaltyPpm) {
        long wanted = Amounts.ppmCeil(notional, penaltyPpm);
        return Math.max(0, Math.min(wanted, ctx.risk(account).value()));
    }
}
