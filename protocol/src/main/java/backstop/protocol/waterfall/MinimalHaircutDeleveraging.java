package backstop.protocol.waterfall;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.AbsorberKind;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.money.Amounts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Auto-deleveraging that closes only what the deficit needs (Chitra's critique of queue ADL overshooting the
 * minimum profit haircut, MECHANISMS.md §2 and §(b)1), defined here as follows. With D the bankrupt account's
 * deficit at the margin price and, for each winner i on the opposite side, π_i its haircuttable profit per lot
 * (min(uPnL, account value)⁺ / |size|):
 * <ol>
 *   <li>winners are taken in order of π_i, highest first (ties by account id): the most profitable lots first;</li>
 *   <li>winner i gives up x_i = min(|size_i|, lots still open, ⌈R × |size_i| / profit_i⌉) lots, R being the deficit
 *   still uncovered, offset against the bankrupt position at the margin price (a {@code position_transfer} of kind
 *   {@code adl}), and pays the haircut h_i = min(R, ⌈profit_i × x_i / |size_i|⌉) — the whole profit of those lots,
 *   as if they closed at their entry price — to the bankrupt account ({@code ADL_HAIRCUT});</li>
 *   <li>it stops when the deficit is covered.</li>
 * </ol>
 * Winners lose exactly D in total, as under queue ADL at the bankruptcy price, but on the fewest lots: taking the
 * largest per-lot profits first minimizes Σ x_i (a fractional knapsack). The part of the bankrupt position not
 * needed for the deficit stays open with zero value and goes back to the liquidation policy and the book — the
 * solvency risk this design accepts in exchange for fairness to winners (Chitra's trilemma).
 */
public final class MinimalHaircutDeleveraging implements LossAbsorber {
    @Override
    public String name() {
        return "adl-minimal-haircut";
    }

    @Override
    public AbsorberKind kind() {
        return AbsorberKind.ADL;
    }

    @Override
    public void resolvePositions(ProtocolContext ctx, int account, long causeId) {
        for (int m : AutoDeleveraging.marketsMostLosingFirst(ctx, account)) {
            long deficit = -ctx.risk(account).value();
            if (deficit <= 0) {
                return;
            }
            if (ctx.liquidationAllowed(m)) {
                offset(ctx, account, m, deficit, causeId);
            }
        }
    }

    private void offset(ProtocolContext ctx, int account, int market, long deficit, long causeId) {
        long size = ctx.accounts().size(account, market);
        long at = ctx.margin().marginPrice(market);
        List<AdlCandidate> winners = new ArrayList<>();
        for (AdlCandidate c : AdlCandidate.holders(ctx, market, -Long.signum(size), account, true)) {
            if (c.haircuttableProfit() > 0) {
                winners.add(c);
            }
        }
        winners.sort(Comparator.comparingDouble((AdlCandidate c) -> -c.haircuttableProfit() / (double) Math.abs(c.size()))
                .thenComparingInt(AdlCandidate::account));
        long remaining = deficit;
        long open = Math.abs(size);
        for (int i = 0; i < winners.size() && remaining > 0 && open > 0; i++) {
            AdlCandidate w = winners.get(i);
            long lots = Math.abs(w.size());
            long profit = w.haircuttableProfit();
            long x = Math.min(Math.min(lots, open), Amounts.mulDivCeil(remaining, lots, profit));
            long haircut = Math.min(remaining, Amounts.mulDivCeil(profit, x, lots));
            ctx.transferPosition(account, w.account(), market, Long.signum(size) * x, at, AutoDeleveraging.KIND, causeId);
            ctx.post(w.account(), account, haircut, PostingReason.ADL_HAIRCUT);
            remaining -= haircut;
            open -= x;
        }
    }
}
