package backstop.protocol;

import backstop.protocol.account.Accounts;
import backstop.protocol.book.OrderBook;
import backstop.protocol.book.PriceLevelBook;
import backstop.protocol.event.EventBus;
import backstop.protocol.event.EventSink;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.funding.FundingSettlement;
import backstop.protocol.ledger.Ledger;
import backstop.protocol.ledger.PotKind;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.liquidation.ClosedFill;
import backstop.protocol.liquidation.LiquidationContext;
import backstop.protocol.liquidation.LiquidationPolicy;
import backstop.protocol.margin.AccountRisk;
import backstop.protocol.margin.MarginCalculator;
import backstop.protocol.margin.PriceSource;
import backstop.protocol.market.Market;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.risk.RiskEngine;
import backstop.protocol.trading.OrderEntry;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;
import backstop.protocol.tx.TxResult;
import backstop.protocol.waterfall.LossWaterfall;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The modeled perpetual-futures protocol: a deterministic state machine driven only by transactions, oracle
 * prices and block boundaries. Per block: {@link #beginBlock}, any number of {@link #setOraclePrice} and
 * {@link #submit}, then {@link #endBlock}, which updates marks, pays funding and runs liquidations and the
 * loss waterfall. The same inputs always give the same {@link #stateHash()}.
 */
public final class Protocol {
    private final ProtocolConfig config;
    private final Ledger ledger = new Ledger();
    private final Accounts accounts;
    private final List<Market> markets;
    private final MarginCalculator calc;
    private final RiskEngine risk;
    private final EventBus events;
    private final OrderEntry orders;
    private final FundingSettlement funding;
    private final LossWaterfall waterfall;
    private final Collateral collateral;
    private final LiquidationContext operations = new Operations();
    private final int external;
    private final int treasury;
    private final int[] insuranceFund;
    private final long[] oracleEvent;
    private long block;
    private long now;
    private long lastEndTime = Long.MIN_VALUE;

    public Protocol(ProtocolConfig config, EventSink sink) {
        this.config = config;
        this.events = new EventBus(sink);
        List<Market> ms = new ArrayList<>();
        for (MarketSpec spec : config.markets()) {
            OrderBook book = new PriceLevelBook(config.selfTradePrevention());
            ms.add(new Market(spec, book));
        }
        this.markets = Collections.unmodifiableList(ms);
        this.accounts = new Accounts(markets.size());
        this.external = ledger.openPot("external", PotKind.EXTERNAL);
        this.treasury = ledger.openPot("fee-treasury", PotKind.FEE_TREASURY);
        int fund = ledger.openPot("insurance-fund", PotKind.INSURANCE_FUND);
        int clearing = ledger.openPot("funding-clearing", PotKind.FUNDING_CLEARING);
        int uncovered = ledger.openPot("uncovered-loss", PotKind.UNCOVERED_LOSS);
        this.insuranceFund = new int[markets.size()];
        java.util.Arrays.fill(insuranceFund, fund);
        ledger.post(external, fund, config.insuranceFundSeed(), PostingReason.PARAMETER_TOP_UP);
        this.calc = new MarginCalculator(accounts, ledger, markets, config.marginModel(), config.priceSource());
        this.risk = new RiskEngine(accounts, calc, markets);
        this.orders = new OrderEntry(ledger, accounts, markets, calc, risk, events, treasury, insuranceFund,
                config.feeToInsurancePpm(), config.marketOrderSlippagePpm());
        this.funding = new FundingSettlement(ledger, accounts, risk, events, clearing, treasury);
        this.waterfall = new LossWaterfall(config.waterfall(), uncovered);
        this.collateral = new Collateral(ledger, accounts, calc, risk, events, external);
        this.oracleEvent = new long[markets.size()];
    }

    /** Starts block {@code number} at simulated time {@code timeSeconds} (non-decreasing). */
    public void beginBlock(long number, long timeSeconds) {
        if (timeSeconds < now) {
            throw new IllegalArgumentException("block time went backwards: " + timeSeconds + " < " + now);
        }
        this.block = number;
        this.now = timeSeconds;
        events.setBlock(number);
        if (lastEndTime == Long.MIN_VALUE) {
            lastEndTime = timeSeconds;
            for (Market m : markets) {
                m.startFundingClock(timeSeconds);
            }
        }
    }

    /** The protocol receives a new oracle price (ticks) for a market; {@code causeId} links it to its cause. */
    public long setOraclePrice(int market, long price, long causeId) {
        Market m = markets.get(market);
        m.setOraclePrice(price);
        long id = events.emit(new ProtocolEvent.OraclePrice(events.nextId(), causeId, block, market, price));
        oracleEvent[market] = id;
        if (config.priceSource() == PriceSource.ORACLE) {
            risk.onPriceChange(market, price, id);
        }
        return id;
    }

    /** Applies a transaction in full or refuses it with a reason (and a {@code TxRejected} event). */
    public TxReceipt submit(Tx tx) {
        TxReceipt receipt = dispatch(tx);
        if (!receipt.ok()) {
            events.emit(new ProtocolEvent.TxRejected(events.nextId(), 0, block, tx.account(),
                    tx.getClass().getSimpleName(), receipt.result()));
        }
        return receipt;
    }

    private TxReceipt dispatch(Tx tx) {
        if (tx instanceof Tx.PlaceOrder t) {
            return orders.place(t);
        } else if (tx instanceof Tx.CancelOrder t) {
            return orders.cancel(t);
        } else if (tx instanceof Tx.ReplaceOrder t) {
            return orders.replace(t);
        } else if (tx instanceof Tx.Deposit t) {
            return collateral.deposit(t);
        } else if (tx instanceof Tx.Withdraw t) {
            return collateral.withdraw(t);
        } else if (tx instanceof Tx.Transfer t) {
            return collateral.transfer(t);
        } else if (tx instanceof Tx.OpenAccount t) {
            return collateral.open(t, markets.size());
        } else if (tx instanceof Tx.Liquidate t) {
            return keeperLiquidation(t);
        }
        throw new IllegalArgumentException("unknown transaction " + tx);
    }

    private TxReceipt keeperLiquidation(Tx.Liquidate tx) {
        if (!accounts.exists(tx.account()) || !accounts.exists(tx.target())) {
            return TxReceipt.rejected(TxResult.UNKNOWN_ACCOUNT);
        }
        LiquidationPolicy policy = config.liquidation();
        if (!policy.keeperTriggered()) {
            return TxReceipt.rejected(TxResult.LIQUIDATION_NOT_PERMITTED);
        }
        if (!calc.risk(tx.target()).liquidatable()) {
            return TxReceipt.rejected(TxResult.NOT_LIQUIDATABLE);
        }
        policy.liquidate(operations, tx.target(), tx.account(), risk.causeOf(tx.target()));
        risk.refresh(tx.target(), 0);
        return TxReceipt.done();
    }

    /** Ends the block: marks and premium, funding when due, then liquidations and the loss waterfall. */
    public void endBlock() {
        long dt = Math.max(0, now - lastEndTime);
        for (Market m : markets) {
            long before = m.markPrice();
            long mark = m.updateMark();
            m.samplePremium(dt);
            if (config.priceSource() == PriceSource.MARK && mark != before) {
                risk.onPriceChange(m.id(), mark, oracleEvent[m.id()]);
            }
        }
        for (Market m : markets) {
            if (m.oraclePrice() > 0 && m.fundingDue(now)) {
                funding.settle(m, m.spec().funding().ratePerInterval(m.averagePremiumPpb()));
                m.fundingPaid(now);
            }
        }
        LiquidationPolicy policy = config.liquidation();
        for (int account : risk.sweep()) {
            if (!accounts.hasPositions(account)) {
                if (ledger.balance(account) < 0) {
                    operations.settleDeficit(account, risk.causeOf(account));
                    risk.refresh(account, 0);
                }
            } else if (policy.protocolTriggered() && calc.risk(account).liquidatable()) {
                policy.liquidate(operations, account, -1, risk.causeOf(account));
                risk.refresh(account, 0);
            }
        }
        lastEndTime = now;
    }

    /** A deterministic 64-bit digest of the whole state: balances, positions, markets, books, event count. */
    public long stateHash() {
        long h = 0x9E3779B97F4A7C15L;
        for (int a = 0; a < accounts.count(); a++) {
            h = mix(h, ledger.balance(a));
            for (long mask = accounts.positionMask(a); mask != 0; mask &= mask - 1) {
                int m = Long.numberOfTrailingZeros(mask);
                h = mix(mix(mix(h, m), accounts.size(a, m)), accounts.cost(a, m));
            }
        }
        for (int pot : ledger.systemPotIds()) {
            h = mix(h, ledger.balance(pot));
        }
        for (Market m : markets) {
            h = mix(mix(mix(mix(h, m.oraclePrice()), m.markPrice()), m.lastTradePrice()), m.openInterest());
            h = mix(h, m.book().stateHash());
        }
        return mix(h, events.lastId());
    }

    private static long mix(long h, long v) {
        long x = (h ^ v) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    public ProtocolConfig config() {
        return config;
    }

    public Ledger ledger() {
        return ledger;
    }

    public Accounts accounts() {
        return accounts;
    }

    public List<Market> markets() {
        return markets;
    }

    public Market market(int id) {
        return markets.get(id);
    }

    public MarginCalculator margin() {
        return calc;
    }

    public RiskEngine risk() {
        return risk;
    }

    /** Exact valuation of an account now. */
    public AccountRisk risk(int account) {
        return calc.risk(account);
    }

    public long block() {
        return block;
    }

    public long now() {
        return now;
    }

    /** Pot ids of the system pots: external, fee treasury, insurance fund of a market. */
    public int externalPot() {
        return external;
    }

    public int treasuryPot() {
        return treasury;
    }

    public int insuranceFundPot(int market) {
        return insuranceFund[market];
    }

    /** Id of the latest event emitted. */
    public long lastEventId() {
        return events.lastId();
    }

    /** Gates or releases withdrawals and transfers out (a circuit breaker's lever). */
    public void setWithdrawalsGated(boolean gated) {
        collateral.setWithdrawalsGated(gated);
    }

    /** The protocol-internal operations that liquidation policies and loss absorbers use. */
    private final class Operations implements LiquidationContext {
        @Override
        public Accounts accounts() {
            return accounts;
        }

        @Override
        public Ledger ledger() {
            return ledger;
        }

        @Override
        public MarginCalculator margin() {
            return calc;
        }

        @Override
        public Market market(int id) {
            return markets.get(id);
        }

        @Override
        public EventBus events() {
            return events;
        }

        @Override
        public long now() {
            return now;
        }

        @Override
        public int insuranceFund(int market) {
            return insuranceFund[market];
        }

        @Override
        public int treasury() {
            return treasury;
        }

        @Override
        public void cancelOrders(int account, long causeId) {
            orders.cancelAll(account, causeId);
        }

        @Override
        public ClosedFill closeIntoBook(int account, int market, long size, long limitPrice, long causeId) {
            return orders.closeForLiquidation(account, market, size, limitPrice, causeId);
        }

        @Override
        public void post(int from, int to, long amount, PostingReason reason) {
            ledger.post(from, to, amount, reason);
        }

        @Override
        public void settleDeficit(int account, long causeId) {
            long deficit = -ledger.balance(account);
            if (deficit <= 0 || accounts.hasPositions(account)) {
                return;
            }
            long id = events.emit(new ProtocolEvent.BadDebt(events.nextId(), causeId, block, account, deficit));
            waterfall.cover(this, account, accounts.lastMarket(account), id);
        }
    }
}
