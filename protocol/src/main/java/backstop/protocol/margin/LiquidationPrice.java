package backstop.protocol.margin;

import backstop.protocol.account.Accounts;
import backstop.protocol.ledger.Ledger;
import backstop.protocol.market.Market;

import java.util.List;

/**
 * Liquidation and bankruptcy prices of one position, other positions held at their current margin prices
 * (dYdX v4, MECHANISMS.md §1). With e the account value, s the signed size, p the price and MMR_o the other
 * positions' maintenance requirement:
 * <ul>
 *   <li>isolated: p' = (e − s·p) / (|s|·MMF − s)</li>
 *   <li>cross: p' = (e − s·p − MMR_o) / (|s|·MMF − s)</li>
 *   <li>bankruptcy: the price at which e = 0, p_b = −(e − s·p) / s</li>
 * </ul>
 * In Backstop's cash accounting e − s·p is simply cash plus the other positions' value.
 */
public final class LiquidationPrice {
    private LiquidationPrice() {
    }

    /** dYdX isolated formula, in quote units (sizes in base units, fractions as decimals). */
    public static double isolated(double equity, double size, double price, double mmf) {
        return (equity - size * price) / (Math.abs(size) * mmf - size);
    }

    /** dYdX cross formula, in quote units. */
    public static double cross(double equity, double size, double price, double mmf, double otherMaintenance) {
        return (equity - size * price - otherMaintenance) / (Math.abs(size) * mmf - size);
    }

    /**
     * The account's liquidation price in {@code market} in quote units, its other positions fixed at their
     * margin prices and the maintenance fraction of the current size tier; NaN with no position there.
     */
    public static double of(int account, int market, Accounts accounts, Ledger ledger, List<Market> markets,
                            MarginCalculator calc) {
        long size = accounts.size(account, market);
        if (size == 0) {
            return Double.NaN;
        }
        Market m = markets.get(market);
        long price = calc.marginPrice(market);
        double rest = restValue(account, market, accounts, ledger, markets, calc);
        double otherMaintenance = (calc.risk(account).maintenanceRequirement()
                - calc.maintenanceRequirement(market, size, price)) / 1e6;
        long absNotional = Math.abs(m.spec().notional(size, price));
        double mmf = calc.model().maintenancePpm(m, absNotional) / 1e6;
        double base = m.spec().base(size);
        return (rest - otherMaintenance) / (Math.abs(base) * mmf - base);
    }

    /** The price in {@code market} (quote units) at which the account's value reaches zero; NaN with no position. */
    public static double bankruptcy(int account, int market, Accounts accounts, Ledger ledger, List<Market> markets,
                                    MarginCalculator calc) {
        long size = accounts.size(account, market);
        if (size == 0) {
            return Double.NaN;
        }
        double rest = restValue(account, market, accounts, ledger, markets, calc);
        return -rest / markets.get(market).spec().base(size);
    }

    /** e − s·p: cash plus the value of the account's positions in other markets, quote units. */
    private static double restValue(int account, int market, Accounts accounts, Ledger ledger, List<Market> markets,
                                    MarginCalculator calc) {
        long rest = ledger.balance(account);
        for (long mask = accounts.positionMask(account) & ~(1L << market); mask != 0; mask &= mask - 1) {
            int o = Long.numberOfTrailingZeros(mask);
            rest += markets.get(o).spec().notional(accounts.size(account, o), calc.marginPrice(o));
        }
        return rest / 1e6;
    }
}
