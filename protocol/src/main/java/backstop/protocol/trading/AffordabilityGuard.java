package backstop.protocol.trading;

import backstop.protocol.account.Accounts;
import backstop.protocol.book.FillGuard;
import backstop.protocol.book.FillVerdict;
import backstop.protocol.book.Side;
import backstop.protocol.margin.AccountRisk;
import backstop.protocol.margin.MarginCalculator;
import backstop.protocol.market.Market;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;

/**
 * Checks each fill before it happens, as dYdX does at match time: a fill that increases a position must
 * leave its account at or above initial margin (a maker who fails is removed from the book, a taker who
 * fails stops), and no fill may lift open interest past the market's cap. Fills that only reduce a position
 * always pass, and so do liquidation orders.
 */
final class AffordabilityGuard implements FillGuard {
    private final Accounts accounts;
    private final MarginCalculator calc;
    private Market market;
    private boolean takerExempt;

    AffordabilityGuard(Accounts accounts, MarginCalculator calc) {
        this.accounts = accounts;
        this.calc = calc;
    }

    /** Sets the market and whether the taker skips the margin check (liquidation orders) for one placement. */
    void begin(Market market, boolean takerExempt) {
        this.market = market;
        this.takerExempt = takerExempt;
    }

    @Override
    public FillVerdict check(long makerOrderId, int makerAccount, int takerAccount, Side takerSide, long price, long size) {
        int m = market.id();
        long takerDelta = takerSide.sign() * size;
        long makerDelta = -takerDelta;
        MarketSpec spec = market.spec();
        if (market.openInterestCap() > 0) {
            long oiChange = longChange(makerAccount, m, makerDelta) + longChange(takerAccount, m, takerDelta);
            if (oiChange > 0 && spec.notional(market.openInterest() + oiChange, market.oraclePrice()) > market.openInterestCap()) {
                return FillVerdict.STOP_TAKER;
            }
        }
        if (!affordable(makerAccount, makerDelta, price, spec.makerFeePpm())) {
            return FillVerdict.REMOVE_MAKER;
        }
        if (!takerExempt && !affordable(takerAccount, takerDelta, price, spec.takerFeePpm())) {
            return FillVerdict.STOP_TAKER;
        }
        return FillVerdict.ALLOW;
    }

    private long longChange(int account, int m, long delta) {
        long before = accounts.size(account, m);
        return Math.max(before + delta, 0) - Math.max(before, 0);
    }

    /**
     * Whether the account can take {@code delta} lots at {@code price} paying {@code feePpm} and stay at or above
     * initial margin; always true for a change that does not increase the position.
     */
    boolean affordable(int account, long delta, long price, long feePpm) {
        int m = market.id();
        long before = accounts.size(account, m);
        long after = before + delta;
        if (Math.abs(after) <= Math.abs(before) && (after == 0 || Long.signum(after) == Long.signum(before))) {
            return true;
        }
        MarketSpec spec = market.spec();
        long marginPrice = calc.marginPrice(m);
        long fee = feePpm > 0 ? Amounts.ppmCeil(Math.abs(spec.notional(delta, price)), feePpm) : 0;
        long valueChange = spec.notional(delta, marginPrice) - spec.notional(delta, price) - fee;
        long imrChange = calc.initialRequirement(m, after, marginPrice) - calc.initialRequirement(m, before, marginPrice);
        AccountRisk r = calc.risk(account);
        return r.value() + valueChange >= r.initialRequirement() + imrChange;
    }
}
