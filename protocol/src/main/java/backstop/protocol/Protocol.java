package backstop.protocol;

import backstop.protocol.account.Accounts;
import backstop.protocol.book.PriceLevelBook;
import backstop.protocol.breaker.CircuitBreaker;
import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.EventBus;
import backstop.protocol.event.EventSink;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.funding.FundingSettlement;
import backstop.protocol.governance.ParameterController;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.ledger.Ledger;
import backstop.protocol.ledger.PotKind;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.money.Amounts;
import backstop.protocol.liquidation.KeeperReward;
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
import backstop.protocol.vault.VaultShares;
import backstop.protocol.waterfall.LossWaterfall;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The modeled perpetual-futures protocol: a deterministic state machine driven only by transactions, oracle
 * prices and block boundaries. Per block: {@link #beginBlock}, any number of {@link #setOraclePrice} and
 * {@link #submit}, then {@link #endBlock}, which updates marks, pays funding, runs liquidations and the loss
 * waterfall, then circuit breakers, governance and adaptive margin. The same inputs always give the same
 * {@link #stateHash()}.
 */
public final class Protocol {
    /** Account tag of the protocol's own backstop vault. */
    public static final int VAULT_TAG = -2;

    private final ProtocolConfig config;
    private final Ledger ledger = new Ledger();
    private final Accounts accounts;
    private final List<Market> markets;
    private final MarginCalculator calc;
    private final RiskEngine risk;
    private final EventBus events;
    private final Parameters parameters = new Parameters();
    private final OrderEntry orders;
    private final FundingSettlement funding;
    private final Collateral collateral;
    private final VaultShares vaultShares;
    private final VaultDesk vaultDesk;
    private final Operations operations;
    private final int external;
    private final int treasury;
    private final int validators;
    private final int[] insuranceFund;
    private final int vault;
    private final long[] oracleEvent;
    /** The design's circuit breakers, then any added mid-run ({@link #addBreaker}), in the order they act. */
    private final List<CircuitBreaker> breakers;
    /** Postings of a non-zero amount so far (a call that posts nothing and moves no position changed nothing). */
    private long postings;
    private long block;
    private long now;
    private long lastEndTime = Long.MIN_VALUE;

    public Protocol(ProtocolConfig config, EventSink sink) {
        this.config = config;
        this.breakers = new ArrayList<>(config.breakers());
        this.events = new EventBus(sink);
        parameters.attach(events);
        List<Market> ms = new ArrayList<>();
        for (MarketSpec spec : config.markets()) {
            ms.add(new Market(spec, new PriceLevelBook(config.selfTradePrevention())));
        }
        this.markets = Collections.unmodifiableList(ms);
        this.accounts = new Accounts(markets.size());
        ledger.addListener((from, to, amount, reason) -> postings++);
        this.external = ledger.openPot("external", PotKind.EXTERNAL);
        this.treasury = ledger.openPot("fee-treasury", PotKind.FEE_TREASURY);
        this.validators = ledger.openPot("validators", PotKind.VALIDATORS);
        this.insuranceFund = openInsuranceFunds(config);
        int clearing = ledger.openPot("funding-clearing", PotKind.FUNDING_CLEARING);
        int uncovered = ledger.openPot("uncovered-loss", PotKind.UNCOVERED_LOSS);
        this.calc = new MarginCalculator(accounts, ledger, markets, config.marginModel(), config.priceSource());
        this.risk = new RiskEngine(accounts, calc, markets);
        this.orders = new OrderEntry(ledger, accounts, markets, calc, risk, events, treasury, insuranceFund,
                config.feeToInsurancePpm(), config.marketOrderSlippagePpm());
        this.funding = new FundingSettlement(ledger, accounts, risk, events, clearing, treasury);
        this.collateral = new Collateral(ledger, accounts, calc, risk, events, external, validators);
        this.vault = config.backstopVaultSeed() > 0 ? openVault(config.backstopVaultSeed()) : -1;
        this.vaultShares = new VaultShares(config.vaultLockupSeconds());
        if (vault >= 0) {
            vaultShares.mint(VaultShares.PROTOCOL, config.backstopVaultSeed(), 0, 0);
        }
        this.vaultDesk = new VaultDesk(this, ledger, calc, risk, events, vault, vaultShares);
        this.operations = new Operations(this, new Operations.Parts(ledger, accounts, markets, calc, risk, events,
                parameters, orders, new LossWaterfall(config.waterfall(), uncovered), collateral, breakers,
                treasury, insuranceFund, vault));
        this.oracleEvent = new long[markets.size()];
        registerTunables(config);
        for (CircuitBreaker b : breakers) {
            events.addListener(e -> b.onEvent(operations, e));
        }
        collateral.setWithdrawalCheck(this::breakersAllowWithdrawal);
    }

    private boolean breakersAllowWithdrawal(int account, long amount) {
        for (CircuitBreaker b : breakers) {
            if (!b.allowsWithdrawal(operations, account, amount)) {
                return false;
            }
        }
        return true;
    }

    private int[] openInsuranceFunds(ProtocolConfig c) {
        int[] funds = new int[markets.size()];
        if (!c.insurancePerMarket()) {
            int shared = ledger.openPot("insurance-fund", PotKind.INSURANCE_FUND);
            java.util.Arrays.fill(funds, shared);
            ledger.post(external, shared, c.insuranceFundSeed(), PostingReason.PARAMETER_TOP_UP);
            return funds;
        }
        for (Market m : markets) {
            funds[m.id()] = ledger.openPot("insurance-fund:" + m.spec().symbol(), PotKind.INSURANCE_FUND);
            ledger.post(external, funds[m.id()], c.insuranceFundSeed(), PostingReason.PARAMETER_TOP_UP);
        }
        return funds;
    }

    private int openVault(long seed) {
        int id = (int) collateral.open(new Tx.OpenAccount(-1, -1, VAULT_TAG), markets.size()).id();
        collateral.deposit(new Tx.Deposit(id, seed));
        return id;
    }

    private void registerTunables(ProtocolConfig c) {
        List<Object> parts = new ArrayList<>();
        parts.add(c.marginModel());
        parts.add(c.liquidation());
        parts.addAll(c.waterfall());
        parts.addAll(c.breakers());
        parts.addAll(c.controllers());
        for (Object part : parts) {
            if (part instanceof Tunable t) {
                t.register(parameters);
            }
        }
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
        for (CircuitBreaker b : breakers) {
            b.onBeginBlock(operations);
        }
    }

    /**
     * The protocol receives a new oracle price (ticks) for a market; {@code causeId} links it to its cause.
     * Circuit breakers may refuse it (the previous price stands). Returns the oracle event's id, or 0 if refused.
     */
    public long setOraclePrice(int market, long price, long causeId) {
        long accepted = price;
        for (CircuitBreaker b : breakers) {
            accepted = b.onOraclePrice(operations, market, accepted);
            if (accepted == CircuitBreaker.REJECT) {
                return 0;
            }
        }
        Market m = markets.get(market);
        m.setOraclePrice(accepted);
        long id = events.emit(new ProtocolEvent.OraclePrice(events.nextId(), causeId, block, market, accepted));
        oracleEvent[market] = id;
        if (config.priceSource() == PriceSource.ORACLE) {
            risk.onPriceChange(market, accepted, id);
        }
        return id;
    }

    /**
     * Applies a transaction in full, or accepts it without effect ({@code NO_EFFECT}: a valid call that changed
     * nothing, no event of its own), or refuses it with a reason (and a {@code TxRejected} event).
     */
    public TxReceipt submit(Tx tx) {
        TxReceipt receipt = dispatch(tx);
        if (!receipt.result().valid()) {
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
        } else if (tx instanceof Tx.VaultDeposit t) {
            return vaultDesk.deposit(t);
        } else if (tx instanceof Tx.VaultWithdraw t) {
            return vaultDesk.withdraw(t);
        } else if (tx instanceof Tx.InsuranceTopUp t) {
            return topUpInsurance(t);
        } else if (tx instanceof Tx.SetParameter t) {
            if (!parameters.has(t.name())) {
                return TxReceipt.rejected(TxResult.UNKNOWN_PARAMETER);
            }
            parameters.set(t.name(), t.value(), t.by(), 0);
            return TxReceipt.done();
        } else if (tx instanceof Tx.TakeAuction t) {
            if (!accounts.exists(t.account())) {
                return TxReceipt.rejected(TxResult.UNKNOWN_ACCOUNT);
            }
            TxResult r = config.liquidation().take(operations, t.account(), t.auctionId(), t.size(), t.maxPrice());
            return r.ok() ? TxReceipt.done() : TxReceipt.rejected(r);
        } else if (tx instanceof Tx.BidAuction t) {
            if (!accounts.exists(t.account())) {
                return TxReceipt.rejected(TxResult.UNKNOWN_ACCOUNT);
            }
            TxResult r = config.liquidation().bid(operations, t.account(), t.auctionId(), t.lots(), t.bid());
            return r.ok() ? TxReceipt.done() : TxReceipt.rejected(r);
        }
        throw new IllegalArgumentException("unknown transaction " + tx);
    }

    private TxReceipt topUpInsurance(Tx.InsuranceTopUp t) {
        if (t.market() < 0 || t.market() >= markets.size()) {
            return TxReceipt.rejected(TxResult.UNKNOWN_MARKET);
        }
        if (t.amount() <= 0 || t.amount() > Amounts.micros(1_000_000_000_000L)) {
            return TxReceipt.rejected(TxResult.INVALID_AMOUNT);
        }
        ledger.post(externalPot(), insuranceFundPot(t.market()), t.amount(), PostingReason.PARAMETER_TOP_UP);
        events.emit(new ProtocolEvent.InsuranceTopUp(events.nextId(), 0, block, t.market(), t.amount(), t.by()));
        return TxReceipt.done();
    }

    private TxReceipt keeperLiquidation(Tx.Liquidate tx) {
        if (!accounts.exists(tx.account()) || !accounts.exists(tx.target())) {
            return TxReceipt.rejected(TxResult.UNKNOWN_ACCOUNT);
        }
        if (!config.liquidation().keeperTriggered()) {
            return TxReceipt.rejected(TxResult.LIQUIDATION_NOT_PERMITTED);
        }
        if (!calc.risk(tx.target()).liquidatable()) {
            return TxReceipt.rejected(TxResult.NOT_LIQUIDATABLE);
        }
        long[] before = footprint(tx.target());
        liquidate(tx.target(), tx.account());
        return java.util.Arrays.equals(before, footprint(tx.target())) ? TxReceipt.noEffect() : TxReceipt.done();
    }

    /**
     * What a keeper's liquidation of {@code account} can change, exactly and in O(markets): the number of postings
     * (any cash moved anywhere: fills, penalties, rewards, seizures, deficits), the account's positions, the
     * resting orders, and the policy's own state about the account. Equal before and after: nothing changed.
     * Auction takes need no such check: an accepted take always moves lots or resets the auction.
     */
    private long[] footprint(int account) {
        long[] f = new long[4 + markets.size()];
        f[0] = postings;
        f[1] = accounts.positionMask(account);
        f[2] = orders.restingOrders();
        f[3] = config.liquidation().accountState(account);
        for (int m = 0; m < markets.size(); m++) {
            f[4 + m] = accounts.size(account, m);
        }
        return f;
    }

    /**
     * What a keeper's {@code Liquidate} of {@code account} would earn under the design's current parameters, from
     * the liquidation policy's public parameters; {@link KeeperReward#NONE} where keepers may not liquidate or where
     * the call would change nothing now ({@link LiquidationPolicy#wouldLiquidate}: Maker's Hole full).
     */
    public KeeperReward keeperReward(int account) {
        LiquidationPolicy policy = config.liquidation();
        return policy.keeperTriggered() && policy.wouldLiquidate(operations, account) ? policy.keeperReward(account)
                : KeeperReward.NONE;
    }

    /** Runs the policy on one account, then the waterfall's position and deficit stages if it is bankrupt. */
    private void liquidate(int account, int liquidator) {
        long cause = risk.causeOf(account);
        if (accounts.hasPositions(account)) {
            config.liquidation().liquidate(operations, account, liquidator, cause);
        }
        AccountRisk after = calc.risk(account);
        if (accounts.hasPositions(account) && after.bankrupt()) {
            operations.waterfall().resolvePositions(operations, account, cause);
        }
        if (!accounts.hasPositions(account) && ledger.balance(account) < 0) {
            operations.settleDeficit(account, cause);
        }
        risk.refresh(account, 0);
    }

    /**
     * Ends the block: marks and premium, funding when due, the liquidation policy's own block step, then
     * liquidations and the loss waterfall; then circuit breakers, governance controllers and adaptive margin.
     */
    public void endBlock() {
        long dt = Math.max(0, now - lastEndTime);
        for (Market m : markets) {
            long before = m.markPrice();
            long mark = m.updateMark(dt);
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
        policy.onEndBlock(operations);
        for (int account : risk.sweep()) {
            boolean flatNegative = !accounts.hasPositions(account) && ledger.balance(account) < 0;
            if (flatNegative || (policy.protocolTriggered() && calc.risk(account).liquidatable())) {
                liquidate(account, -1);
            }
        }
        for (CircuitBreaker b : breakers) {
            b.onEndBlock(operations);
        }
        for (ParameterController c : config.controllers()) {
            c.onEndBlock(operations);
        }
        if (calc.model().update(markets, now)) {
            risk.reindexAll(events.lastId());
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
        for (var p : parameters.all()) {
            h = mix(h, p.value());
        }
        h = mix(h, vaultShares.total());
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

    /** The protocol's tunable parameters (governance, GUI inspectors). */
    public Parameters parameters() {
        return parameters;
    }

    /** The circuit breakers acting now: the design's, then those added mid-run, in order. */
    public List<CircuitBreaker> breakers() {
        return Collections.unmodifiableList(breakers);
    }

    /**
     * Governance adds a circuit breaker mid-run (call between blocks): it acts from the next hook on, after
     * the design's breakers, its references seeded from the current oracle prices
     * ({@link CircuitBreaker#onAdded}); its parameters are registered like theirs, and a {@code breaker_added} event
     * records the change {@code by} whom. Refused, with nothing changed, when a parameter it would define is
     * already defined (a second breaker of a type the design has: tune that one instead). Returns the
     * event's id.
     */
    public long addBreaker(CircuitBreaker breaker, String by) {
        if (breaker instanceof Tunable t) {
            Parameters probe = new Parameters();
            t.register(probe);
            for (var p : probe.all()) {
                if (parameters.has(p.name())) {
                    throw new IllegalArgumentException("breaker " + breaker.name() + ": its parameter '" + p.name()
                            + "' is already defined by this protocol; change that parameter instead");
                }
            }
        }
        breaker.onAdded(operations);
        if (breaker instanceof Tunable t) {
            t.register(parameters);
        }
        breakers.add(breaker);
        events.addListener(e -> breaker.onEvent(operations, e));
        return events.emit(new ProtocolEvent.BreakerAdded(events.nextId(), 0, block, breaker.name(), by));
    }

    /**
     * The internal operations, as mitigation policies see them; for this package's tests only. Nothing outside the
     * protocol acts through it: governance acts by {@link Tx.InsuranceTopUp}, {@link Tx.SetParameter} and
     * {@link #addBreaker}, each logged as an event.
     */
    ProtocolContext context() {
        return operations;
    }

    public long block() {
        return block;
    }

    public long now() {
        return now;
    }

    public int externalPot() {
        return external;
    }

    public int treasuryPot() {
        return treasury;
    }

    public int insuranceFundPot(int market) {
        return insuranceFund[market];
    }

    /** The LP share register of the backstop vault. */
    public VaultShares vaultShares() {
        return vaultShares;
    }

    /** The backstop vault account, or -1 when the design has none. */
    public int vaultAccount() {
        return vault;
    }

    /** The losses carried now that no waterfall has settled yet, at the oracle (see {@link OpenLosses}). */
    public OpenLosses openLosses() {
        return OpenLosses.of(this);
    }

    /** The pot gas is paid into (the chain's validators, outside the protocol). */
    public int validatorsPot() {
        return validators;
    }

    /** Tokens the protocol holds: in from the external pot minus out to it and to validators (micro-units). */
    public long tokensHeld() {
        return collateral.tokensHeld();
    }

    /**
     * The most gas {@code account} can pay now (micro-units): its equity, never below zero, capped by the tokens the
     * protocol holds. What a sender's wallet could cover; agents check it before they send.
     */
    public long gasAllowance(int account) {
        return collateral.gasAllowance(account);
    }

    /**
     * Pays {@code feeMicros} of gas from {@code account} to the validators pot as one ledger posting, if its
     * {@link #gasAllowance} covers it; else {@link TxResult#GAS_UNPAID} and nothing is posted (the chain then does
     * not execute the sender's transaction). Not a {@link Tx}: the chain charges it before the transaction runs.
     */
    public TxResult payGas(int account, long feeMicros) {
        return collateral.payGas(account, feeMicros);
    }

    /** Returns the unused part of gas paid by {@link #payGas} to the account (a reverted call's refund). */
    public void refundGas(int account, long refundMicros) {
        collateral.refundGas(account, refundMicros);
    }

    /** Id of the latest event emitted. */
    public long lastEventId() {
        return events.lastId();
    }
}
