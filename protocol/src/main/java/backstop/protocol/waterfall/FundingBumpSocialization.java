package backstop.protocol.waterfall;

import backstop.protocol.account.Accounts;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.AbsorberKind;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.money.Amounts;

/**
 * Drift's last step of the perp bankruptcy waterfall (MECHANISMS.md §5): the residual is socialized by bumping
 * both cumulative funding rates by residual ÷ (|long base| + |short base|), i.e. every position holder of the
 * market, on both sides, pays that much per unit of its size ($2M over 200,000 SOL is $10 per SOL). Here the bump
 * is settled at once: holder i pays ⌈D × |size_i| / Σ|size|⌉ in ascending account id, rounded against the holder
 * but stopping once D is covered. Like funding it is charged whatever the holder's value, so it may push holders
 * into liquidation; its {@link #capacity} for the position stage is the holders' total positive value.
 */
public final class FundingBumpSocialization implements LossAbsorber {
    @Override
    public String name() {
        return "funding-bump";
    }

    @Override
    public AbsorberKind kind() {
        return AbsorberKind.FUNDING_BUMP;
    }

    @Override
    public long capacity(ProtocolContext ctx, int market) {
        Accounts accounts = ctx.accounts();
        long total = 0;
        for (int a = 0; a < accounts.count(); a++) {
            if (accounts.size(a, market) != 0) {
                total = Math.addExact(total, Math.max(0, ctx.risk(a).value()));
            }
        }
        return total;
    }

    @Override
    public long absorb(ProtocolContext ctx, int account, int market, long deficit, long causeId) {
        Accounts accounts = ctx.accounts();
        long base = 0;
        for (int a = 0; a < accounts.count(); a++) {
            base = Math.addExact(base, Math.abs(accounts.size(a, market)));
        }
        if (base == 0) {
            return 0;
        }
        long remaining = deficit;
        for (int a = 0; a < accounts.count() && remaining > 0; a++) {
            long size = Math.abs(accounts.size(a, market));
            if (size != 0 && a != account) {
                long paid = Math.min(remaining, Amounts.mulDivCeil(deficit, size, base));
                ctx.post(a, account, paid, PostingReason.SOCIALIZED_LOSS);
                remaining -= paid;
            }
        }
        return deficit - remaining;
    }
}
