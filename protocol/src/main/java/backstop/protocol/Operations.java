package backstop.protocol;

import backstop.protocol.account.Accounts;
import backstop.protocol.breaker.CircuitBreaker;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.EventBus;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.ledger.Ledger;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.context.ClosedFill;
import backstop.protocol.margin.MarginCalculator;
import backstop.protocol.market.Market;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.risk.RiskEngine;
import backstop.protocol.trading.OrderEntry;
import backstop.protocol.waterfall.LossWaterfall;

import java.util.List;

/** The protocol's implementation of {@link ProtocolContext}, over its internal parts. */
final class Operations implements ProtocolContext {
    private final Protocol protocol;
    private final Parts parts;

    /** The internals the operations act on. */
    record Parts(Ledger ledger, Accounts accounts, List<Market> markets, MarginCalculator calc, RiskEngine risk,
                 EventBus events, Parameters parameters, OrderEntry orders, LossWaterfall waterfall,
                 Collateral collateral, List<CircuitBreaker> breakers, int treasury, int[] insuranceFund,
                 int vaultAccount) {
    }

    Operations(Protocol protocol, Parts parts) {
        this.protocol = protocol;
        this.parts = parts;
    }

    LossWaterfall waterfall() {
        return parts.waterfall();
    }

    @Override
    public Accounts accounts() {
        return parts.accounts();
    }

    @Override
    public Ledger ledger() {
        return parts.ledger();
    }

    @Override
    public MarginCalculator margin() {
        return parts.calc();
    }

    @Override
    public List<Market> markets() {
        return parts.markets();
    }

    @Override
    public EventBus events() {
        return parts.events();
    }

    @Override
    public Parameters parameters() {
        return parts.parameters();
    }

    @Override
    public long now() {
        return protocol.now();
    }

    @Override
    public int insuranceFund(int market) {
        return parts.insuranceFund()[market];
    }

    @Override
    public int treasury() {
        return parts.treasury();
    }

    @Override
    public int vaultAccount() {
        return parts.vaultAccount();
    }

    @Override
    public void cancelOrders(int account, long causeId) {
        parts.orders().cancelAll(account, causeId);
    }

    @Override
    public ClosedFill closeIntoBook(int account, int market, long size, long limitPrice, long causeId) {
        if (!liquidationAllowed(market)) {
            return ClosedFill.NOTHING;
        }
        return parts.orders().closeForLiquidation(account, market, size, limitPrice, causeId);
    }

    @Override
    public boolean canCloseIntoBook(int account, int market, long size, long limitPrice) {
        return liquidationAllowed(market) && parts.orders().canCloseForLiquidation(account, market, size, limitPrice);
    }

    @Override
    public long transferPosition(int from, int to, int market, long size, long price, String kind, long causeId) {
        if (size == 0 || from == to || price <= 0) {
            throw new IllegalArgumentException("position transfer needs size ≠ 0, two accounts and price > 0; got "
                    + size + " from " + from + " to " + to + " at " + price);
        }
        Market m = parts.markets().get(market);
        MarketSpec spec = m.spec();
        long notional = spec.notional(size, price);
        if (notional > 0) {
            parts.ledger().post(to, from, notional, PostingReason.TRADE);
        } else {
            parts.ledger().post(from, to, -notional, PostingReason.TRADE);
        }
        long oiChange = parts.accounts().applyFill(to, market, size, notional)
                + parts.accounts().applyFill(from, market, -size, -notional);
        m.recordTrade(m.lastTradePrice() == 0 ? price : m.lastTradePrice(), oiChange);
        EventBus events = parts.events();
        long id = events.emit(new ProtocolEvent.PositionTransfer(events.nextId(), causeId, events.block(), market, from,
                to, size, price, kind));
        parts.risk().refresh(from, id);
        parts.risk().refresh(to, id);
        return id;
    }

    @Override
    public boolean liquidationAllowed(int market) {
        if (parts.markets().get(market).halted()) {
            return false;
        }
        for (CircuitBreaker b : parts.breakers()) {
            if (!b.allowsLiquidation(this, market)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void post(int from, int to, long amount, PostingReason reason) {
        parts.ledger().post(from, to, amount, reason);
        // Cash of an account changed: keep the risk index exact (RiskEngine: anything that changes cash refreshes).
        if (amount > 0 && from != to) {
            if (from >= 0) {
                parts.risk().refresh(from, 0);
            }
            if (to >= 0) {
                parts.risk().refresh(to, 0);
            }
        }
    }

    @Override
    public void settleDeficit(int account, long causeId) {
        long deficit = -parts.ledger().balance(account);
        if (deficit <= 0 || parts.accounts().hasPositions(account)) {
            return;
        }
        EventBus events = parts.events();
        long id = events.emit(new ProtocolEvent.BadDebt(events.nextId(), causeId, events.block(), account, deficit));
        parts.waterfall().cover(this, account, parts.accounts().lastMarket(account), id);
    }

    @Override
    public void halt(int market, boolean halted, String breaker, String reason, long causeId) {
        Market m = parts.markets().get(market);
        if (m.halted() == halted) {
            return;
        }
        m.halt(halted);
        EventBus events = parts.events();
        events.emit(new ProtocolEvent.Halt(events.nextId(), causeId, events.block(), market, breaker, halted, reason));
    }

    @Override
    public void gateWithdrawals(boolean gated, String breaker, String reason, long causeId) {
        if (parts.collateral().withdrawalsGated() == gated) {
            return;
        }
        parts.collateral().setWithdrawalsGated(gated);
        EventBus events = parts.events();
        events.emit(new ProtocolEvent.Halt(events.nextId(), causeId, events.block(), -1, breaker, gated, reason));
    }

    @Override
    public boolean withdrawalsGated() {
        return parts.collateral().withdrawalsGated();
    }
}
