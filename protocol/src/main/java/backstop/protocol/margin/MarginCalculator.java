package backstop.protocol.margin;

import backstop.protocol.account.Accounts;
import backstop.protocol.ledger.Ledger;
import backstop.protocol.market.Market;
import backstop.protocol.money.Amounts;

import java.util.List;

/** Values accounts and their margin requirements (DESIGN.md §4) at the configured margin price. */
public final class MarginCalculator {
    private final Accounts accounts;
    private final Ledger ledger;
    private final List<Market> markets;
    private MarginModel model;
    private final PriceSource priceSource;

    public MarginCalculator(Accounts accounts, Ledger ledger, List<Market> markets, MarginModel model,
                            PriceSource priceSource) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.markets = markets;
        this.model = model;
        this.priceSource = priceSource;
    }

    public MarginModel model() {
        return model;
    }

    /** Swaps the margin model (governance); the caller must re-index the risk engine. */
    public void setModel(MarginModel model) {
        this.model = model;
    }

    public PriceSource priceSource() {
        return priceSource;
    }

    /** The price margin is computed at in this market. */
    public long marginPrice(int market) {
        Market m = markets.get(market);
        return priceSource == PriceSource.MARK ? m.markPrice() : m.oraclePrice();
    }

    /** Value and requirements of the account now. */
    public AccountRisk risk(int account) {
        long value = ledger.balance(account);
        long imr = 0;
        long mmr = 0;
        for (long mask = accounts.positionMask(account); mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            Market market = markets.get(m);
            long notional = market.spec().notional(accounts.size(account, m), marginPrice(m));
            long abs = Math.abs(notional);
            value = Math.addExact(value, notional);
            imr += Amounts.ppmCeil(abs, model.initialPpm(market, abs));
            mmr += Amounts.ppmCeil(abs, model.maintenancePpm(market, abs));
        }
        return new AccountRisk(value, imr, mmr);
    }

    /** Initial requirement of one position of {@code size} lots at {@code price} in a market. */
    public long initialRequirement(int market, long size, long price) {
        Market m = markets.get(market);
        long abs = Math.abs(m.spec().notional(size, price));
        return Amounts.ppmCeil(abs, model.initialPpm(m, abs));
    }

    /** Maintenance requirement of one position of {@code size} lots at {@code price} in a market. */
    public long maintenanceRequirement(int market, long size, long price) {
        Market m = markets.get(market);
        long abs = Math.abs(m.spec().notional(size, price));
        return Amounts.ppmCeil(abs, model.maintenancePpm(m, abs));
    }
}
