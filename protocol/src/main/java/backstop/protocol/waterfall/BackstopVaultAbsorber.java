package backstop.protocol.waterfall;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.AbsorberKind;
import backstop.protocol.ledger.PostingReason;

/**
 * The backstop vault pays deficits from its free collateral (DESIGN §4, Hyperliquid HLP, MECHANISMS §2): at most its
 * value above its initial margin, so it never drops below its own maintenance margin. Place it after the insurance
 * fund. Pays nothing when the design has no vault.
 */
public final class BackstopVaultAbsorber implements LossAbsorber {
    @Override
    public String name() {
        return "backstop-vault";
    }

    @Override
    public AbsorberKind kind() {
        return AbsorberKind.VAULT;
    }

    @Override
    public long capacity(ProtocolContext ctx, int market) {
        int vault = ctx.vaultAccount();
        return vault < 0 ? 0 : Math.max(0, ctx.risk(vault).freeCollateral());
    }

    @Override
    public long absorb(ProtocolContext ctx, int account, int market, long deficit, long causeId) {
        if (account == ctx.vaultAccount()) {
            return 0;
        }
        long paid = Math.min(deficit, capacity(ctx, market));
        ctx.post(ctx.vaultAccount(), account, paid, PostingReason.VAULT_DRAW);
        return paid;
    }
}
