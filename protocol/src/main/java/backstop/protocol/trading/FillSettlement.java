package backstop.protocol.trading;

import backstop.protocol.account.Accounts;
import backstop.protocol.book.FillSink;
import backstop.protocol.book.RemovalReason;
import backstop.protocol.book.Side;
import backstop.protocol.event.EventBus;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.Ledger;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.market.Market;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.risk.RiskEngine;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * Settles each fill (DESIGN.md §3): the buyer pays size × price to the seller and size moves the other way;
 * the taker pays its fee and the maker its fee or receives its rebate (out of the same fill's taker fee); a
 * configured share of the net fee goes to the insurance fund. Every fee is rounded up against the payer and
 * every rebate down, so conservation holds exactly.
 */
final class FillSettlement implements FillSink {
    private final Ledger ledger;
    private final Accounts accounts;
    private final RiskEngine risk;
    private final EventBus events;
    private final Long2IntOpenHashMap orderMarket;
    private final int treasury;
    private final int[] insuranceFund;
    private final long feeToInsurancePpm;
    private Market market;
    private long causeId;
    private boolean liquidation;
    private long takerFilled;
    private long takerNotional;

    FillSettlement(Ledger ledger, Accounts accounts, RiskEngine risk, EventBus events, Long2IntOpenHashMap orderMarket,
                   int treasury, int[] insuranceFund, long feeToInsurancePpm) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.risk = risk;
        this.events = events;
        this.orderMarket = orderMarket;
        this.treasury = treasury;
        this.insuranceFund = insuranceFund;
        this.feeToInsurancePpm = feeToInsurancePpm;
    }

    /** Starts one placement: its market, the cause its fills carry, and whether it is a liquidation order. */
    void begin(Market m, long cause, boolean isLiquidation) {
        this.market = m;
        this.causeId = cause;
        this.liquidation = isLiquidation;
        this.takerFilled = 0;
        this.takerNotional = 0;
    }

    long takerFilled() {
        return takerFilled;
    }

    long takerNotional() {
        return takerNotional;
    }

    @Override
    public void onFill(long makerOrderId, int makerAccount, long takerOrderId, int takerAccount, Side takerSide,
                       long price, long size, long makerRemaining) {
        MarketSpec spec = market.spec();
        int m = spec.id();
        long notional = spec.notional(size, price);
        int buyer = takerSide == Side.BUY ? takerAccount : makerAccount;
        int seller = takerSide == Side.BUY ? makerAccount : takerAccount;
        ledger.post(buyer, seller, notional, PostingReason.TRADE);
        long takerFee = Amounts.ppmCeil(notional, spec.takerFeePpm());
        ledger.post(takerAccount, treasury, takerFee, PostingReason.TRADING_FEE);
        long makerFee;
        if (spec.makerFeePpm() >= 0) {
            makerFee = Amounts.ppmCeil(notional, spec.makerFeePpm());
            ledger.post(makerAccount, treasury, makerFee, PostingReason.TRADING_FEE);
        } else {
            long rebate = Amounts.ppmFloor(notional, -spec.makerFeePpm());
            ledger.post(treasury, makerAccount, rebate, PostingReason.MAKER_REBATE);
            makerFee = -rebate;
        }
        ledger.post(treasury, insuranceFund[m], Amounts.ppmFloor(takerFee + makerFee, feeToInsurancePpm),
                PostingReason.TRADING_FEE);
        long oiChange = accounts.applyFill(buyer, m, size, notional) + accounts.applyFill(seller, m, -size, -notional);
        market.recordTrade(price, oiChange);
        if (makerRemaining == 0) {
            orderMarket.remove(makerOrderId);
        }
        takerFilled += size;
        takerNotional += notional;
        long id = events.nextId();
        events.emit(new ProtocolEvent.Fill(id, causeId, events.block(), m, price, size, takerSide, makerOrderId,
                makerAccount, takerOrderId, takerAccount, makerFee, takerFee, liquidation));
        risk.refresh(makerAccount, id);
        risk.refresh(takerAccount, id);
    }

    @Override
    public void onMakerRemoved(long orderId, int account, Side side, long price, long remainingSize, RemovalReason reason) {
        orderMarket.remove(orderId);
        events.emit(new ProtocolEvent.OrderRemoved(events.nextId(), causeId, events.block(), market.id(), orderId,
                account, remainingSize, reason.name()));
    }
}
