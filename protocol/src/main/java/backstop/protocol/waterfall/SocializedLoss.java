package backstop.protocol.waterfall;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.AbsorberKind;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.money.Amounts;

import java.util.List;

/**
 * Socialized loss in the deficit stage (BitMEX's predecessor of ADL, Deribit's "among the winning traders",
 * MECHANISMS.md §3): the deficit is taken from the unrealized profit of the winners in the loss's market, pro
 * rata. Winner i can lose at most p_i = min(uPnL_i, account value_i)⁺, so no winner is pushed below zero; with
 * P = Σ p_i, it pays min(p_i, ⌈D × p_i / P⌉) in ascending account id, rounded against the winner but stopping
 * once the deficit D is covered. When P &lt; D every winner pays p_i and the rest goes on to the next absorber.
 * The haircut is a cash posting; cost bases are untouched.
 */
public final class SocializedLoss implements LossAbsorber {
    @Override
    public String name() {
        return "socialized-loss";
    }

    @Override
    public AbsorberKind kind() {
        return AbsorberKind.SOCIALIZED;
    }

    @Override
    public long capacity(ProtocolContext ctx, int market) {
        long total = 0;
        for (AdlCandidate w : AdlCandidate.winners(ctx, market, -1)) {
            total = Math.addExact(total, w.haircuttableProfit());
        }
        return total;
    }

    @Override
    public long absorb(ProtocolContext ctx, int account, int market, long deficit, long causeId) {
        List<AdlCandidate> winners = AdlCandidate.winners(ctx, market, account);
        long pool = 0;
        for (AdlCandidate w : winners) {
            pool = Math.addExact(pool, w.haircuttableProfit());
        }
        long remaining = deficit;
        for (AdlCandidate w : winners) {
            if (remaining == 0) {
                break;
            }
            long share = pool <= deficit ? w.haircuttableProfit()
                    : Math.min(w.haircuttableProfit(), Amounts.mulDivCeil(deficit, w.haircuttableProfit(), pool));
            long paid = Math.min(share, remaining);
            ctx.post(w.account(), account, paid, PostingReason.SOCIALIZED_LOSS);
            remaining -= paid;
        }
        return deficit - remaining;
    }
}
