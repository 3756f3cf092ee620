package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.margin.AccountRisk;
import backstop.protocol.market.Market;
import backstop.protocol.money.Amounts;

/**
 * Aave v3.3's close factor (MECHANISMS.md §6, LiquidationLogic): a step closes {@code closeFactor} of the
 * position (50%), but all of it when health ≤ 0.95 ({@code CLOSE_FACTOR_HF_THRESHOLD}: the 50% branch needs
 * HF &gt; 0.95) or when the position's notional is below $2,000 ({@code MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD},
 * debt and collateral of the reserve both map to the position's notional here), and all of it when the
 * remainder would be worth less than $1,000 ({@code MIN_LEFTOVER_BASE}: Aave refuses to leave such dust).
 * Notionals are at the margin price; the closed lots are rounded up, so at least the close factor goes.
 */
public final class CloseFactorRule implements PartialCloseRule, Tunable {
    private final GovernedSetting closeFactor;
    private final GovernedSetting fullCloseHealth;
    private final GovernedSetting fullCloseBelow;
    private final GovernedSetting minLeftover;

    /**
     * {@code closeFactorPpm}: share of the position closed per step (ppm, (0, 1e6]); {@code fullCloseHealthPpm}:
     * at or below this health everything goes (ppm); {@code fullCloseBelowNotional}: positions worth less
     * (quote micros) go whole; {@code minLeftoverNotional}: a remainder worth less (quote micros) is closed too.
     */
    public CloseFactorRule(long closeFactorPpm, long fullCloseHealthPpm, long fullCloseBelowNotional,
                           long minLeftoverNotional) {
        this.closeFactor = new GovernedSetting("liquidation.close_factor_ppm", "closeFactorPpm",
                "share of a position one liquidation step closes (ppm)", closeFactorPpm, 1, Amounts.PPM);
        this.fullCloseHealth = new GovernedSetting("liquidation.full_close_health_ppm", "fullCloseHealthPpm",
                "at or below this health a step closes the whole position (ppm)", fullCloseHealthPpm, 0, Amounts.PPM);
        this.fullCloseBelow = new GovernedSetting("liquidation.full_close_below_notional", "fullCloseBelowNotional",
                "positions worth less than this close whole (quote micros)", fullCloseBelowNotional, 0, Long.MAX_VALUE);
        this.minLeftover = new GovernedSetting("liquidation.min_leftover_notional", "minLeftoverNotional",
                "a remainder worth less than this is closed too (quote micros)", minLeftoverNotional, 0, Long.MAX_VALUE);
    }

    /** Aave v3.3: 50%, full below HF 0.95 or $2,000, no remainder under $1,000. */
    public static CloseFactorRule aaveV33() {
        return new CloseFactorRule(500_000, 950_000, Amounts.micros(2_000), Amounts.micros(1_000));
    }

    @Override
    public String name() {
        return "close-factor";
    }

    @Override
    public void register(Parameters parameters) {
        closeFactor.register(parameters);
        fullCloseHealth.register(parameters);
        fullCloseBelow.register(parameters);
        minLeftover.register(parameters);
    }

    @Override
    public long lotsToClose(ProtocolContext ctx, int account, int market, long limitPrice, long penaltyPpm) {
        long abs = Math.abs(ctx.accounts().size(account, market));
        Market m = ctx.market(market);
        long price = ctx.margin().marginPrice(market);
        AccountRisk r = ctx.risk(account);
        // HF ≤ h ⇔ V ≤ ⌊h·R⌋ (V is whole micros)
        boolean deep = r.value() <= Amounts.mulDivFloor(r.maintenanceRequirement(), fullCloseHealth.get(), Amounts.PPM);
        if (deep || m.spec().notional(abs, price) < fullCloseBelow.get()) {
            return abs;
        }
        long lots = Math.min(abs, Math.max(1, Amounts.mulDivCeil(abs, closeFactor.get(), Amounts.PPM)));
        if (lots < abs && m.spec().notional(abs - lots, price) < minLeftover.get()) {
            return abs;
        }
        return lots;
    }
}
