package backstop.model.world;

import backstop.model.chain.GasMarket;
import backstop.model.chain.Mempool;
import backstop.model.market.ExternalMarket;
import backstop.model.oracle.OracleAggregator;
import backstop.model.price.ExogenousPrices;
import backstop.model.random.Streams;
import backstop.protocol.Protocol;
import backstop.protocol.event.ProtocolEvent;

import java.util.List;

/**
 * One run's world: the protocol and everything around it — the {@link Environment} (exogenous prices, venues,
 * episodes), the {@link OracleFeed}, the chain's {@link BlockExecution} (mempool, gas), the {@link CascadeAttribution}
 * of oracle moves to liquidations and the ledger's {@link Claims} — and the block clock. Agents read it (prices, books,
 * their accounts) and act only through the mempool; the model drives its phases through {@link WorldDriver}.
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
    private final Claims claims;
    private final BlockExecution blocks;
    private final Environment environment;
    private final CascadeAttribution attribution;
    private final OracleFeed oracles;
    private long block;
    private double now;

    World(WorldSpec spec, Protocol protocol, Streams streams) {
        this.spec = spec;
        this.protocol = protocol;
        this.streams = streams;
        this.claims = new Claims(protocol);
        this.blocks = new BlockExecution(protocol, spec.chain(), streams.stream("block-order"));
        this.environment = new Environment(spec, blocks.gas(), streams.stream("environment"));
        this.attribution = new CascadeAttribution(spec);
        this.oracles = new OracleFeed(spec, protocol, environment, attribution);
    }

    /** Every protocol event passes here first: the world remembers each market's latest liquidation and who owns what. */
    void onEvent(ProtocolEvent e) {
        claims.accept(e);
        if (e instanceof ProtocolEvent.Liquidation l) {
            attribution.onLiquidation(l, now);
        }
    }

    void addSenders(List<? extends Sender> created) {
        blocks.addSenders(created);
    }

    /** Phase 1: the clock moves to {@code blockNumber}; the environment moves with it. */
    void moveEnvironment(long blockNumber) {
        this.block = blockNumber;
        this.now = blockNumber * spec.blockSeconds();
        environment.move(blockNumber, now);
    }

    /** Phase 2: the block begins; oracles sample the venues and the protocol gets any new price. */
    void publishOracle() {
        protocol.beginBlock(block, (long) Math.floor(now));
        oracles.publish(now);
    }

    /** Phase 4: the block builder takes the mempool's transactions and the protocol executes them. */
    void executeBlock() {
        blocks.execute(block, now);
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
        return environment.prices();
    }

    /** The main external venue of an asset (what arbitrageurs and hedgers trade). */
    public ExternalMarket venue(int asset) {
        return environment.venue(asset);
    }

    /** The thin venues an asset's oracle reads (empty unless the scenario has thin sources). */
    public List<ExternalMarket> thinVenues(int asset) {
        return environment.thinVenues(asset);
    }

    public OracleAggregator oracle(int asset) {
        return oracles.oracle(asset);
    }

    public Mempool mempool() {
        return blocks.mempool();
    }

    public GasMarket gas() {
        return blocks.gas();
    }

    /** What each agent could claim from the ledger: the one way every agent's payoff is computed. */
    public Claims claims() {
        return claims;
    }

    /** Transactions dropped because they waited past their last block. */
    public long expiredTransactions() {
        return blocks.expired();
    }

    /** Transactions not run because their sender could not pay the gas. */
    public long unpaidTransactions() {
        return blocks.unpaid();
    }

    public long block() {
        return block;
    }

    /** Simulated seconds since the start. */
    public double now() {
        return now;
    }
}
