package backstop.model.world;

import backstop.model.chain.GasMarket;
import backstop.model.chain.Mempool;
import backstop.model.chain.PendingTx;
import backstop.model.market.ExternalMarket;
import backstop.model.oracle.OracleAggregator;
import backstop.model.oracle.OracleSource;
import backstop.model.price.ExogenousPrices;
import backstop.model.price.PriceProcess;
import backstop.model.random.Streams;
import backstop.protocol.Protocol;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.TxReceipt;
import backstop.protocol.tx.TxResult;

import java.util.ArrayList;
import java.util.List;

/**
 * One run's world: the protocol and everything around it, and the work of each block phase. Agents read it
 * (prices, books, their accounts) and act only through the mempool.
 */
public final class World {
    /**
     * Gas a refused call uses before it reverts: 21,000 intrinsic plus a few storage reads (a {@code bark} of a safe
     * vault, a {@code take} of a finished auction).
     */
    public static final long REVERTED_GAS = 30_000;

    private final WorldSpec spec;
    private final Protocol protocol;
    private final Streams streams;
    private final ExogenousPrices prices;
    private final List<ExternalMarket> venues = new ArrayList<>();
    private final List<List<ExternalMarket>> thinVenues = new ArrayList<>();
    private final List<OracleAggregator> oracles = new ArrayList<>();
    private final Mempool mempool;
    private final GasMarket gas;
    private final List<Sender> senders = new ArrayList<>();
    private final Claims claims;
    private long expired;
    private long unpaid;
    private final long[] lastOracleTicks;
    private final long[] lastLiquidation;
    private final double[] lastLiquidationTime;
    private final double[] impactAtPublish;
    private final double[] logOracleAtPublish;
    private long block;
    private double now;

    World(WorldSpec spec, Protocol protocol, Streams streams) {
        this.spec = spec;
        this.protocol = protocol;
        this.streams = streams;
        this.claims = new Claims(protocol);
        List<PriceProcess> processes = new ArrayList<>();
        double[] initial = new double[spec.assets().size()];
        for (int i = 0; i < initial.length; i++) {
            WorldSpec.Asset a = spec.assets().get(i);
            processes.add(a.process().build());
            initial[i] = a.initialPrice();
            WorldSpec.External e = a.external();
            venues.add(new ExternalMarket(a.initialPrice(), e.shape(), e.coefficient(), e.depth(), e.halfLifeSeconds()));
        }
        this.prices = new ExogenousPrices(processes, spec.correlation(), initial, streams.stream("environment"));
        for (int i = 0; i < initial.length; i++) {
            oracles.add(buildOracle(i));
        }
        WorldSpec.Chain c = spec.chain();
        this.mempool = new Mempool(c.ordering(), c.blockGasLimit(), streams.stream("block-order"));
        this.gas = new GasMarket(c.baseFeeGwei(), c.floorGwei(), c.targetGas());
        this.lastOracleTicks = new long[initial.length];
        this.lastLiquidation = new long[initial.length];
        this.lastLiquidationTime = new double[initial.length];
        this.impactAtPublish = new double[initial.length];
        this.logOracleAtPublish = new double[initial.length];
    }

    /** Every protocol event passes here first: the world remembers each market's latest liquidation and who owns what. */
    void onEvent(backstop.protocol.event.ProtocolEvent e) {
        claims.accept(e);
        if (e instanceof backstop.protocol.event.ProtocolEvent.Liquidation l) {
            lastLiquidation[l.market()] = l.id();
            lastLiquidationTime[l.market()] = now;
        }
    }

    private OracleAggregator buildOracle(int asset) {
        List<OracleSource> sources = new ArrayList<>();
        List<ExternalMarket> thin = new ArrayList<>();
        ExternalMarket main = venues.get(asset);
        for (WorldSpec.Source s : spec.oracle().sources()) {
            ExternalMarket venue = main;
            if (s.thinDepth() > 0) {
                WorldSpec.External e = spec.assets().get(asset).external();
                venue = new ExternalMarket(main.reference(), e.shape(), e.coefficient(), s.thinDepth(), e.halfLifeSeconds());
                thin.add(venue);
            }
            ExternalMarket v = venue;
            sources.add(new OracleSource(s.name(), s.weight(), v::price, s.deviation(), s.heartbeat(), s.delay()));
        }
        thinVenues.add(thin);
        return new OracleAggregator(sources, spec.oracle().maxDeviation());
    }

    void addSenders(List<? extends Sender> created) {
        senders.addAll(created);
    }

    /** Phase 1: the exogenous price moves, venues follow it, impact decays, episodes apply. */
    void moveEnvironment(long blockNumber) {
        this.block = blockNumber;
        this.now = blockNumber * spec.blockSeconds();
        if (blockNumber > 0) {
            prices.step(spec.blockSeconds());
        }
        double gasSpike = 1;
        double depth = 1;
        for (WorldSpec.Episode e : spec.episodes()) {
            if (now >= e.start() && now < e.end()) {
                gasSpike *= e.gasSpike();
                depth *= e.depthScale();
            }
        }
        gas.setSpike(gasSpike);
        for (int i = 0; i < venues.size(); i++) {
            List<ExternalMarket> all = new ArrayList<>(thinVenues.get(i));
            all.add(venues.get(i));
            for (ExternalMarket v : all) {
                v.setReference(prices.price(i));
                v.decay(spec.blockSeconds());
                v.setDepthFactor(depth);
            }
        }
    }

    /** Phase 2: the block begins; oracles sample the venues and the protocol gets any new price. */
    void publishOracle() {
        protocol.beginBlock(block, (long) Math.floor(now));
        for (int i = 0; i < oracles.size(); i++) {
            OracleAggregator o = oracles.get(i);
            o.sample(now);
            double p = o.price();
            if (Double.isFinite(p) && p > 0) {
                MarketSpec m = protocol.market(i).spec();
                long ticks = Math.max(1, m.ticks(p));
                if (ticks != lastOracleTicks[i]) {
                    protocol.setOraclePrice(i, ticks, attributedCause(i, Math.log(p)));
                    lastOracleTicks[i] = ticks;
                    impactAtPublish[i] = venues.get(i).impact();
                    logOracleAtPublish[i] = Math.log(p);
                }
            }
        }
    }

    /**
     * The cause of a new oracle price: the market's latest liquidation if it happened within three impact
     * half-lives and the venue's impact since the last publication moved the same way as the oracle and makes
     * up at least half of the move — the liquidation's flow reached the index. Otherwise 0 (exogenous).
     */
    private long attributedCause(int market, double logPrice) {
        if (lastLiquidation[market] == 0 || lastOracleTicks[market] == 0) {
            return 0;
        }
        double window = 3 * spec.assets().get(market).external().halfLifeSeconds();
        double move = logPrice - logOracleAtPublish[market];
        double impact = venues.get(market).impact() - impactAtPublish[market];
        boolean recent = now - lastLiquidationTime[market] <= window;
        boolean driven = Math.signum(impact) == Math.signum(move) && Math.abs(impact) >= 0.5 * Math.abs(move);
        return recent && driven && move != 0 ? lastLiquidation[market] : 0;
    }

    /**
     * Phase 4: the builder takes the mempool's transactions for this block at the current base fee. Each sender pays
     * its gas first — gas × (base fee + effective tip), posted from its account to the validators pot — and a sender
     * that cannot pay gets {@code GAS_UNPAID} and its transaction does not run (nor use block space); transactions past
     * their last block get {@code TX_EXPIRED}. A call the protocol refuses reverts early and uses only
     * {@link #REVERTED_GAS} (at most its gas limit); the rest of what it paid is refunded, as on Ethereum, where the
     * fee is gas used × price. The base fee then follows the gas the block used.
     */
    void executeBlock() {
        long used = 0;
        double baseFee = gas.baseFee();
        double nativePrice = spec.chain().nativePrice();
        Mempool.Block b = mempool.buildBlock(now, block, baseFee);
        for (PendingTx t : b.expired()) {
            expired++;
            t.onReceipt().accept(TxReceipt.rejected(TxResult.TX_EXPIRED));
        }
        for (PendingTx t : b.included()) {
            Sender sender = t.sender() >= 0 && t.sender() < senders.size() ? senders.get(t.sender()) : null;
            long fee = 0;
            int account = -1;
            double tip = t.effectiveTip(baseFee);
            if (sender != null) {
                fee = Math.round(gas.cost(t.gas(), tip, nativePrice) * Amounts.MICROS);
                account = sender.gasAccount();
                TxResult paid = account < 0 ? TxResult.GAS_UNPAID : protocol.payGas(account, fee);
                if (paid != TxResult.OK) {
                    unpaid++;
                    t.onReceipt().accept(TxReceipt.rejected(paid));
                    continue;
                }
            }
            TxReceipt r = protocol.submit(t.tx());
            long gasUsed = r.result().valid() ? t.gas() : Math.min(t.gas(), REVERTED_GAS);
            if (sender != null) {
                long charged = gasUsed == t.gas() ? fee
                        : Math.min(fee, Math.round(gas.cost(gasUsed, tip, nativePrice) * Amounts.MICROS));
                protocol.refundGas(account, fee - charged);
                sender.recordGas(charged);
            }
            used += gasUsed;
            t.onReceipt().accept(r);
        }
        gas.afterBlock(used);
    }

    /** Phase 5: the protocol's end of block. */
    void endBlock() {
        protocol.endBlock();
    }

    public WorldSpec spec() {
        return spec;
    }

    public Protocol protocol() {
        return protocol;
    }

    public Streams streams() {
        return streams;
    }

    /** The exogenous reference prices. */
    public ExogenousPrices prices() {
        return prices;
    }

    /** The main external venue of an asset (what arbitrageurs and hedgers trade). */
    public ExternalMarket venue(int asset) {
        return venues.get(asset);
    }

    /** The thin venues an asset's oracle reads (empty unless the scenario has thin sources). */
    public List<ExternalMarket> thinVenues(int asset) {
        return thinVenues.get(asset);
    }

    public OracleAggregator oracle(int asset) {
        return oracles.get(asset);
    }

    public Mempool mempool() {
        return mempool;
    }

    public GasMarket gas() {
        return gas;
    }

    /** What each agent could claim from the ledger: the one way every agent's payoff is computed. */
    public Claims claims() {
        return claims;
    }

    /** Transactions dropped because they waited past their last block. */
    public long expiredTransactions() {
        return expired;
    }

    /** Transactions not run because their sender could not pay the gas. */
    public long unpaidTransactions() {
        return unpaid;
    }

    public long block() {
        return block;
    }

    /** Simulated seconds since the start. */
    public double now() {
        return now;
    }
}
