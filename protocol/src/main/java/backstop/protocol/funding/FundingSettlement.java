package backstop.protocol.funding;

import backstop.protocol.account.Accounts;
import backstop.protocol.event.EventBus;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.Ledger;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.market.Market;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.risk.RiskEngine;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Pays funding in one market, zero-sum between longs and shorts: each payer pays |notional| × |rate| at the
 * oracle price, rounded up, into a clearing pot; each receiver gets its share of the total in proportion to
 * its size, rounded down; the few micro-units of rounding dust left go to the treasury.
 */
public final class FundingSettlement {
    private final Ledger ledger;
    private final Accounts accounts;
    private final RiskEngine risk;
    private final EventBus events;
    private final int clearing;
    private final int treasury;

    public FundingSettlement(Ledger ledger, Accounts accounts, RiskEngine risk, EventBus events, int clearing,
                             int treasury) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.risk = risk;
        this.events = events;
        this.clearing = clearing;
        this.treasury = treasury;
    }

    /** Settles one interval at {@code ratePpb} (positive: longs pay shorts); returns the total paid. */
    public long settle(Market market, long ratePpb) {
        MarketSpec spec = market.spec();
        int m = spec.id();
        long price = market.oraclePrice();
        IntArrayList receivers = new IntArrayList();
        IntArrayList touched = new IntArrayList();
        long paid = 0;
        long receiverSize = 0;
        if (ratePpb != 0 && market.openInterest() > 0) {
            int payerSign = ratePpb > 0 ? 1 : -1;
            for (int a = 0; a < accounts.count(); a++) {
                long size = accounts.size(a, m);
                if (size == 0) {
                    continue;
                }
                touched.add(a);
                if (Long.signum(size) == payerSign) {
                    long amount = Amounts.mulDivCeil(Math.abs(spec.notional(size, price)), Math.abs(ratePpb), Amounts.PPB);
                    ledger.post(a, clearing, amount, PostingReason.FUNDING);
                    paid += amount;
                } else {
                    receivers.add(a);
                    receiverSize += Math.abs(size);
                }
            }
            for (int i = 0; i < receivers.size(); i++) {
                int a = receivers.getInt(i);
                long share = Amounts.mulDivFloor(paid, Math.abs(accounts.size(a, m)), receiverSize);
                ledger.post(clearing, a, share, PostingReason.FUNDING);
            }
        }
        long dust = ledger.balance(clearing);
        ledger.post(clearing, treasury, dust, PostingReason.FUNDING_DUST);
        long id = events.nextId();
        events.emit(new ProtocolEvent.FundingPaid(id, 0, events.block(), m, ratePpb, price, paid, dust));
        for (int i = 0; i < touched.size(); i++) {
            risk.refresh(touched.getInt(i), id);
        }
        return paid;
    }
}
