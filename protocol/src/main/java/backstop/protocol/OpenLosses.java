package backstop.protocol;

import backstop.protocol.account.Accounts;
import backstop.protocol.market.Market;

import java.util.List;
import java.util.Map;

/**
 * The losses a protocol carries at one instant that no waterfall has settled yet, valued at the oracle, per market
 * (quote micros):
 * <ul>
 *   <li><b>open insolvency</b> — Σ max(0, −equity) of the accounts still open (Gauntlet's "insolvency"), the equity
 *   being cash plus positions at the oracle; the backstop vault is left out (its loss comes from {@link #vaultOwnValue});</li>
 *   <li><b>pending liquidation loss</b> — what the liquidation policy has taken on but not passed on: unsold auction
 *   inventory below its tab and shortfalls waiting to settle ({@code LiquidationPolicy.pendingLoss});</li>
 *   <li>the backstop vault's value at the oracle less what the policy holds in it for others
 *   ({@code LiquidationPolicy.heldInVault}), from which a run subtracts its seed and LPs' net deposits.</li>
 * </ul>
 * An account's loss belongs to its last market, the market the waterfall would charge its deficit to.
 *
 * @param openInsolvency        per market
 * @param insolventAccounts     accounts with negative equity, vault excluded
 * @param pendingLiquidationLoss per market
 * @param vaultOwnValue         the vault's equity at the oracle less what it holds for the policy; 0 without a vault
 */
public record OpenLosses(long[] openInsolvency, int insolventAccounts, long[] pendingLiquidationLoss,
                         long vaultOwnValue) {

    static OpenLosses of(Protocol p) {
        Accounts accounts = p.accounts();
        List<Market> markets = p.markets();
        long[] insolvency = new long[markets.size()];
        int insolvent = 0;
        for (int a = 0; a < accounts.count(); a++) {
            if (a == p.vaultAccount()) {
                continue;
            }
            long equity = equityAtOracle(p, a);
            if (equity < 0) {
                insolvency[accounts.lastMarket(a)] += -equity;
                insolvent++;
            }
        }
        long[] pending = new long[markets.size()];
        for (Map.Entry<Integer, Long> e : p.config().liquidation().pendingLoss(p.context()).entrySet()) {
            pending[accounts.lastMarket(e.getKey())] += e.getValue();
        }
        long vault = p.vaultAccount() < 0 ? 0
                : equityAtOracle(p, p.vaultAccount()) - p.config().liquidation().heldInVault(p.context());
        return new OpenLosses(insolvency, insolvent, pending, vault);
    }

    /** Cash plus positions at the oracle, quote micros. */
    static long equityAtOracle(Protocol p, int account) {
        long equity = p.ledger().balance(account);
        for (long mask = p.accounts().positionMask(account); mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            Market market = p.market(m);
            equity = Math.addExact(equity, market.spec().notional(p.accounts().size(account, m), market.oraclePrice()));
        }
        return equity;
    }

    /** Σ over markets of the open insolvency. */
    public long totalOpenInsolvency() {
        return sum(openInsolvency);
    }

    /** Σ over markets of the pending liquidation loss. */
    public long totalPendingLiquidationLoss() {
        return sum(pendingLiquidationLoss);
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s = Math.addExact(s, v);
        }
        return s;
    }
}
