package backstop.protocol.waterfall;

import backstop.protocol.account.Accounts;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.margin.AccountRisk;
import backstop.protocol.money.Amounts;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.math.BigDecimal;

/**
 * The bankruptcy price in ticks of one position: the price at which closing it brings the account's value to
 * zero with its other positions at the margin price, the account's value apportioned over its positions by
 * maintenance requirement — dYdX v4's definition ({@code GetBankruptcyPriceInQuoteQuantums}: bankruptcy quote =
 * −DNNV − TNC × |DMMR| / TMMR, MECHANISMS.md §1 [S9]), which is BitMEX's "price at which the position's margin
 * is gone" (§3) when the account holds one position. With V the account value, N_i the position's notional,
 * MMR_i its maintenance requirement, TMMR the account's and s the signed size:
 * p_b = (N_i − V × MMR_i / TMMR) / (s × quotePerLotTick) (by |notional| when TMMR = 0). An isolated account holds
 * one position, so V is that position's own collateral plus its notional. Closing the positions one after
 * another at their prices, each recomputed from the account as it then is, leaves the account at zero and charges
 * each position its share of the deficit rather than loading it all on one.
 *
 * <p>The price is rounded against the bankrupt account — down for a long (it sells), up for a short (it buys
 * back) — so an offset at p_b leaves it at zero or a few micros below, never above. It is never clamped: a short
 * whose share exceeds its notional has a price ≤ 0; {@link #inBand} is what auto-deleveraging trades at.
 */
public final class BankruptcyPrice {
    private BankruptcyPrice() {
    }

    /** The bankruptcy price of the account's position in {@code market}, ticks (may be ≤ 0 for a short). */
    public static long ticks(ProtocolContext ctx, int account, int market) {
        Accounts accounts = ctx.accounts();
        long size = accounts.size(account, market);
        if (size == 0) {
            throw new IllegalArgumentException("account " + account + " holds no position in market " + market);
        }
        AccountRisk risk = ctx.risk(account);
        long price = ctx.margin().marginPrice(market);
        long notional = ctx.market(market).spec().notional(size, price);
        long weight = ctx.margin().maintenanceRequirement(market, size, price);
        long total = risk.maintenanceRequirement();
        if (total <= 0) {
            weight = Math.abs(notional);
            total = 0;
            for (long mask = accounts.positionMask(account); mask != 0; mask &= mask - 1) {
                int o = Long.numberOfTrailingZeros(mask);
                total += Math.abs(ctx.market(o).spec().notional(accounts.size(account, o), ctx.margin().marginPrice(o)));
            }
        }
        // p_b = (N_i × T − V × w_i) / (s × perTick × T), exactly, then rounded against the account.
        BigInteger t = BigInteger.valueOf(total);
        BigInteger num = BigInteger.valueOf(notional).multiply(t)
                .subtract(BigInteger.valueOf(risk.value()).multiply(BigInteger.valueOf(weight)));
        BigInteger den = BigInteger.valueOf(Math.abs(size)).multiply(BigInteger.valueOf(
                ctx.market(market).spec().quotePerLotTick())).multiply(t);
        if (size < 0) {
            num = num.negate();
        }
        BigDecimal q = new BigDecimal(num).divide(new BigDecimal(den), 0, size > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING);
        return q.longValueExact();
    }

    /**
     * The bankruptcy price held to the band oracle × (1 ± {@code bandPpm}): where auto-deleveraging at the
     * bankruptcy price trades (≥ 1 tick). What the band leaves of the deficit stays with the account and goes on
     * to the waterfall's deficit stage.
     */
    public static long inBand(ProtocolContext ctx, int account, int market, long bandPpm) {
        long oracle = ctx.market(market).oraclePrice();
        long band = Amounts.ppmFloor(oracle, bandPpm);
        long p = ticks(ctx, account, market);
        return Math.max(Math.max(1, oracle - band), Math.min(oracle + band, p));
    }
}
