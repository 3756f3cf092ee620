package backstop.protocol.governance;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.market.Market;
import backstop.protocol.money.Amounts;

/**
 * Insurance fund balance as a fraction of open-interest notional at the oracle, in ppm (rounded down), the
 * solvency gauge behind Drift's 10 bps-of-OI insurance floor (MECHANISMS.md §5): over every market, each
 * distinct fund counted once, or over one market and the fund backing it. {@link Observable#NONE} with no
 * open interest.
 */
public final class InsuranceCoverage implements Observable {
    private final int market;

    private InsuranceCoverage(int market) {
        this.market = market;
    }

    /** All insurance funds over the open-interest notional of all markets. */
    public static InsuranceCoverage all() {
        return new InsuranceCoverage(-1);
    }

    /** The fund backing {@code market} (id ≥ 0) over that market's open-interest notional. */
    public static InsuranceCoverage of(int market) {
        if (market < 0) {
            throw new IllegalArgumentException("market: must be ≥ 0, got " + market);
        }
        return new InsuranceCoverage(market);
    }

    @Override
    public String name() {
        return market < 0 ? "insurance_coverage" : "insurance_coverage:" + market;
    }

    @Override
    public long observe(ProtocolContext ctx) {
        long fund = 0;
        long notional = 0;
        for (Market m : ctx.markets()) {
            if (market >= 0 && m.id() != market) {
                continue;
            }
            notional = Math.addExact(notional, m.spec().notional(m.openInterest(), m.oraclePrice()));
            if (firstMarketWithFund(ctx, m.id())) {
                fund = Math.addExact(fund, ctx.ledger().balance(ctx.insuranceFund(m.id())));
            }
        }
        return notional <= 0 ? NONE : Amounts.mulDivFloor(fund, Amounts.PPM, notional);
    }

    /** Whether no earlier market in scope is backed by the same (shared) fund. */
    private boolean firstMarketWithFund(ProtocolContext ctx, int id) {
        if (market >= 0) {
            return true;
        }
        int pot = ctx.insuranceFund(id);
        for (int earlier = 0; earlier < id; earlier++) {
            if (ctx.insuranceFund(earlier) == pot) {
                return false;
            }
        }
        return true;
    }
}
