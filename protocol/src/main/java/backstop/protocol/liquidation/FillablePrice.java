package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.margin.AccountRisk;
import backstop.protocol.market.Market;
import backstop.protocol.money.Amounts;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * dYdX v4's liquidation limit, the Fillable Price (MECHANISMS.md §1): for a long,
 * FP = P × (1 − (SMMR × MMF) × (BA × (1 − Q))) with Q = V / TMMR, mirrored above P for a short.
 *
 * <p>As in the chain's {@code GetFillablePrice}: ABR = clamp(BA × (1 − TNC/TMMR), 0, 1), the spread is
 * ABR × SMMR × PMMR in quote, and FP = (|PNNV| ∓ spread) / |S|, with PNNV and PMMR the position's notional
 * and maintenance requirement and TNC, TMMR the account's value and requirement, all at the margin price (the
 * oracle under dYdX's design). The result is rounded toward the liquidated account — up for a sell, down for
 * a buy — and is at least one tick. An account with no value left gets the full spread SMMR × MMF
 * (1.5 × 5% = 7.5% under genesis); one at its maintenance requirement gets none.
 */
public final class FillablePrice implements LiquidationLimit {
    private static final BigInteger MILLION = BigInteger.valueOf(Amounts.PPM);

    private final long spreadToMaintenancePpm;
    private final long bankruptcyAdjustmentPpm;

    /**
     * {@code spreadToMaintenancePpm}: SMMR, ppm (dYdX 1,500,000 = 1.5); {@code bankruptcyAdjustmentPpm}: BA,
     * ppm (dYdX 1,000,000 = 1.0; the chain requires ≥ 1.0).
     */
    public FillablePrice(long spreadToMaintenancePpm, long bankruptcyAdjustmentPpm) {
        if (spreadToMaintenancePpm < 0) {
            throw new IllegalArgumentException("spreadToMaintenancePpm: must be ≥ 0, got " + spreadToMaintenancePpm);
        }
        if (bankruptcyAdjustmentPpm < Amounts.PPM) {
            throw new IllegalArgumentException("bankruptcyAdjustmentPpm: must be ≥ 1000000, got " + bankruptcyAdjustmentPpm);
        }
        this.spreadToMaintenancePpm = spreadToMaintenancePpm;
        this.bankruptcyAdjustmentPpm = bankruptcyAdjustmentPpm;
    }

    /** dYdX mainnet genesis: SMMR 1.5, BA 1.0 (MECHANISMS.md §1 liquidations config). */
    public static FillablePrice dydx() {
        return new FillablePrice(1_500_000, 1_000_000);
    }

    @Override
    public String name() {
        return "fillable-price";
    }

    @Override
    public long limit(ProtocolContext ctx, int account, int market) {
        long size = ctx.accounts().size(account, market);
        Market m = ctx.market(market);
        long price = ctx.margin().marginPrice(market);
        long absNotional = Math.abs(m.spec().notional(size, price));
        long positionMmr = ctx.margin().maintenanceRequirement(market, size, price);
        AccountRisk r = ctx.risk(account);
        long microsPerTick = Math.multiplyExact(Math.abs(size), m.spec().quotePerLotTick());
        return price(absNotional, positionMmr, microsPerTick, r.value(), r.maintenanceRequirement(), size > 0);
    }

    /**
     * The fillable price in ticks of a position worth {@code absNotional} (|PNNV|, quote micros) with
     * maintenance requirement {@code positionMmr} (PMMR), where one tick of price moves the position by
     * {@code microsPerTick} (|S| × quote per lot-tick), in an account of value {@code tnc} and requirement
     * {@code tmmr}. {@code closingLong}: the order sells (FP below the price) rather than buys.
     */
    public long price(long absNotional, long positionMmr, long microsPerTick, long tnc, long tmmr, boolean closingLong) {
        if (microsPerTick <= 0) {
            throw new IllegalArgumentException("microsPerTick: must be > 0, got " + microsPerTick);
        }
        // ABR = a / b, clamped to [0, 1].
        BigInteger b;
        BigInteger a;
        if (tmmr <= 0) {
            b = BigInteger.ONE;
            a = tnc < 0 ? BigInteger.ONE : BigInteger.ZERO;
        } else {
            b = MILLION.multiply(BigInteger.valueOf(tmmr));
            a = BigInteger.valueOf(bankruptcyAdjustmentPpm).multiply(BigInteger.valueOf(tmmr - tnc));
            a = a.max(BigInteger.ZERO).min(b);
        }
        // spread = a × SMMR × PMMR / (b × 1e6); FP = (|PNNV| × b × 1e6 ∓ a × SMMR × PMMR) / (b × 1e6 × microsPerTick).
        BigInteger denominator = b.multiply(MILLION);
        BigInteger spread = a.multiply(BigInteger.valueOf(spreadToMaintenancePpm)).multiply(BigInteger.valueOf(positionMmr));
        BigInteger base = BigInteger.valueOf(absNotional).multiply(denominator);
        BigInteger numerator = closingLong ? base.subtract(spread) : base.add(spread);
        BigInteger ticks = new BigDecimal(numerator)
                .divide(new BigDecimal(denominator.multiply(BigInteger.valueOf(microsPerTick))), 0,
                        closingLong ? RoundingMode.CEILING : RoundingMode.FLOOR)
                .toBigIntegerExact();
        return Math.max(1, ticks.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact());
    }
}
