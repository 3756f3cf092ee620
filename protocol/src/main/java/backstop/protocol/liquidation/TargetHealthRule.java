package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.margin.AccountRisk;
import backstop.protocol.market.Market;
import backstop.protocol.money.Amounts;

import java.math.BigInteger;

/**
 * Close the fewest lots that bring the account's health back to a target T (Aave v4 TargetHealthFactor,
 * Drift's "MMR + liqBuffer", MECHANISMS.md §5–§6), assuming the order fills at its limit — its worst price.
 *
 * <p>With V the account value, R its maintenance requirement, P the margin price, L the limit, q the quote
 * micros per lot-tick, m the position's maintenance fraction and f the penalty, closing x lots of a long
 * leaves at least V − x·q·(P − L) − x·q·L·f and a requirement of at most R − x·q·P·m (for a short, L − P
 * replaces P − L). Health ≥ T then needs x·g ≥ T·R − V with g = q·(T·m·P − (P − L) − L·f), so
 * <b>x = ⌈(T·R − V) / g⌉</b>. If g ≤ 0 no partial close can raise health at that limit, and the whole
 * position goes. The closed form ignores the ledger's rounding (penalty and requirement round up, each by at
 * most one micro), so x is then checked exactly and raised lot by lot until it passes (after 64 lots,
 * possible only where one lot is worth under a micro, the whole position goes). Fills better than L, and a
 * lower margin tier for the smaller position, only leave the account healthier.
 */
public final class TargetHealthRule implements PartialCloseRule, Tunable {
    private static final BigInteger MILLION = BigInteger.valueOf(Amounts.PPM);
    private static final BigInteger TRILLION = MILLION.multiply(MILLION);
    private static final int MAX_EXACT_STEPS = 64;

    private final GovernedSetting target;

    /** {@code targetHealthPpm}: the health to restore, ppm (1,100,000 = 1.1), in [1e6, 1e8]. */
    public TargetHealthRule(long targetHealthPpm) {
        this.target = new GovernedSetting("liquidation.target_health_ppm", "targetHealthPpm",
                "health a partial liquidation restores (ppm; 1e6 = maintenance)", targetHealthPpm, Amounts.PPM,
                100 * Amounts.PPM);
    }

    @Override
    public String name() {
        return "target-health";
    }

    @Override
    public void register(Parameters parameters) {
        target.register(parameters);
    }

    @Override
    public boolean satisfied(ProtocolContext ctx, int account) {
        AccountRisk r = ctx.risk(account);
        return r.value() >= Amounts.mulDivCeil(r.maintenanceRequirement(), target.get(), Amounts.PPM);
    }

    @Override
    public long lotsToClose(ProtocolContext ctx, int account, int market, long limitPrice, long penaltyPpm) {
        long size = ctx.accounts().size(account, market);
        long abs = Math.abs(size);
        long t = target.get();
        AccountRisk r = ctx.risk(account);
        BigInteger need = BigInteger.valueOf(t).multiply(BigInteger.valueOf(r.maintenanceRequirement())).multiply(MILLION)
                .subtract(BigInteger.valueOf(r.value()).multiply(TRILLION));
        if (need.signum() <= 0) {
            return 0;
        }
        Market m = ctx.market(market);
        long price = ctx.margin().marginPrice(market);
        long mmf = ctx.margin().model().maintenancePpm(m, Math.abs(m.spec().notional(size, price)));
        long adverse = size > 0 ? price - limitPrice : limitPrice - price;
        BigInteger perLot = BigInteger.valueOf(t).multiply(BigInteger.valueOf(mmf)).multiply(BigInteger.valueOf(price))
                .subtract(TRILLION.multiply(BigInteger.valueOf(adverse)))
                .subtract(MILLION.multiply(BigInteger.valueOf(limitPrice)).multiply(BigInteger.valueOf(penaltyPpm)))
                .multiply(BigInteger.valueOf(m.spec().quotePerLotTick()));
        if (perLot.signum() <= 0) {
            return abs;
        }
        BigInteger[] qr = need.divideAndRemainder(perLot);
        BigInteger lots = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        if (lots.compareTo(BigInteger.valueOf(abs)) >= 0) {
            return abs;
        }
        long x = lots.longValueExact();
        for (int i = 0; i < MAX_EXACT_STEPS && x < abs && !meetsTarget(ctx, r, market, size, x, limitPrice, penaltyPpm, t); i++) {
            x++;
        }
        return meetsTarget(ctx, r, market, size, x, limitPrice, penaltyPpm, t) ? x : abs;
    }

    /** Exactly, with the ledger's rounding: does closing {@code x} lots at the limit leave health ≥ t? */
    private static boolean meetsTarget(ProtocolContext ctx, AccountRisk r, int market, long size, long x, long limit,
                                       long penaltyPpm, long t) {
        Market m = ctx.market(market);
        long price = ctx.margin().marginPrice(market);
        long adverse = size > 0 ? price - limit : limit - price;
        long closed = Long.signum(size) * x;
        long penalty = Amounts.ppmCeil(Math.abs(m.spec().notional(x, limit)), penaltyPpm);
        long value = r.value() - m.spec().notional(x, adverse) - penalty;
        long requirement = r.maintenanceRequirement() - ctx.margin().maintenanceRequirement(market, size, price)
                + ctx.margin().maintenanceRequirement(market, size - closed, price);
        return value >= Amounts.mulDivCeil(requirement, t, Amounts.PPM);
    }
}
