package backstop.model.world;

import backstop.model.chain.OrderingRule;
import backstop.model.market.ImpactShape;
import backstop.model.price.ProcessSpec;
import backstop.model.spec.Check;
import backstop.model.spec.Doc;
import backstop.protocol.market.MarketSpec;

import java.util.List;

/**
 * Everything about the world around the protocol (DESIGN.md §2): assets and their exogenous processes, the
 * external venues the oracle reads, the oracle, the chain, scheduled stress, and how long to run. A named
 * scenario is one of these; the loss-mitigation design is separate, so any design runs in any world.
 */
public record WorldSpec(String name, double blockSeconds, long blocks, double sampleSeconds, List<Asset> assets,
                        double[][] correlation, Oracle oracle, Chain chain, List<Episode> episodes) {

    public WorldSpec {
        assets = List.copyOf(assets);
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
        if (!(blockSeconds > 0) || blocks < 1 || !(sampleSeconds > 0)) {
            throw new IllegalArgumentException(name + ": need block_seconds > 0, blocks ≥ 1, sample_seconds > 0");
        }
        if (assets.isEmpty() || correlation.length != assets.size()) {
            throw new IllegalArgumentException(name + ": need at least one asset and a correlation matrix of the same size");
        }
    }

    /** Simulated seconds the run covers. */
    public double duration() {
        return blocks * blockSeconds;
    }

    /** One traded asset: its perp market, start price, exogenous process and external venue. */
    public record Asset(MarketSpec market, double initialPrice, ProcessSpec process, External external) {
    }

    /** The external (spot) venue's price impact and resilience; {@code halfLifeSeconds} may be +∞ (permanent impact). */
    public record External(
            @Doc(value = "price impact as a function of traded notional / depth: LINEAR or SQUARE_ROOT",
                    absent = "required") ImpactShape shape,
            @Doc(value = "log-price impact of trading depth of notional (impact ≈ daily σ × √(notional / daily volume))",
                    unit = "log return", range = "[0, ∞)") double coefficient,
            @Doc(value = "the venue's depth, about its daily volume", unit = "quote units", range = "(0, ∞)") double depth,
            @Doc(value = "half-life of the impact's decay (resilience; .inf: permanent)", unit = "seconds",
                    range = "(0, ∞]") double halfLifeSeconds) {
        public External {
            Check.required("shape", shape);
            Check.nonNegative("coefficient", coefficient);
            Check.positive("depth", depth);
            if (!(halfLifeSeconds > 0)) {
                throw new IllegalArgumentException("half_life_seconds: must be > 0, got " + halfLifeSeconds);
            }
        }
    }

    /**
     * Oracle sources for every market. A source with {@code thinDepth} > 0 reads its own thin venue (which an
     * adversary can move) instead of the main external market.
     */
    public record Oracle(
            @Doc(value = "the feeds whose weighted median is the oracle price (at least one)", absent = "required")
            List<Source> sources,
            @Doc(value = "sources further than this from the median are dropped (0: off)", unit = "fraction",
                    range = "[0, ∞)") double maxDeviation) {
        public Oracle {
            if (sources == null || sources.isEmpty()) {
                throw new IllegalArgumentException("sources: at least one oracle source is required");
            }
            sources = List.copyOf(sources);
            Check.nonNegative("max_deviation", maxDeviation);
        }
    }

    /** One oracle source. */
    public record Source(
            @Doc("the source's name, as logs show it") String name,
            @Doc(value = "its weight in the weighted median", unit = "weight", range = "(0, ∞)") double weight,
            @Doc(value = "it publishes when the price has moved more than this since its last publication",
                    unit = "fraction", range = "[0, ∞)") double deviation,
            @Doc(value = "… or when this long has passed", unit = "seconds", range = "(0, ∞)") double heartbeat,
            @Doc(value = "a publication reaches the aggregator this much later", unit = "seconds", range = "[0, ∞)")
            double delay,
            @Doc(value = "> 0: the source reads its own thin venue of this depth, which an adversary can move; 0: the"
                    + " main venue", unit = "quote units", range = "[0, ∞)") double thinDepth) {
        public Source {
            Check.positive("weight", weight);
            Check.nonNegative("deviation", deviation);
            Check.positive("heartbeat", heartbeat);
            Check.nonNegative("delay", delay);
            Check.nonNegative("thin_depth", thinDepth);
        }
    }

    /**
     * Block building and gas. {@code txTtlBlocks}: how many blocks after it was sent a transaction may still run;
     * later it is dropped unexecuted ({@code TX_EXPIRED}) and its sender decides afresh.
     */
    public record Chain(
            @Doc(value = "transaction order in a block: PRIORITY_FEE (highest fee first, the keepers' gas auction), FIFO"
                    + " (by arrival) or RANDOM", absent = "required") OrderingRule ordering,
            @Doc(value = "gas a block holds", unit = "gas", range = "[1, ∞)") long blockGasLimit,
            @Doc(value = "gas use the EIP-1559 base fee steers towards (it moves up to 1/8 per block)", unit = "gas",
                    range = "[1, ∞)") long targetGas,
            @Doc(value = "the starting base fee, ≥ floor_gwei", unit = "gwei", range = "(0, ∞)") double baseFeeGwei,
            @Doc(value = "the lowest base fee", unit = "gwei", range = "(0, ∞)") double floorGwei,
            @Doc(value = "quote price of the gas token", unit = "quote units", range = "(0, ∞)") double nativePrice,
            @Doc(value = "a transaction not run within this many blocks of sending is dropped (dYdX v4: 20)",
                    unit = "blocks", range = "[1, ∞)") long txTtlBlocks) {
        public Chain {
            Check.atLeast("tx_ttl_blocks", txTtlBlocks, 1);
            Check.required("ordering", ordering);
            Check.atLeast("block_gas_limit", blockGasLimit, 1);
            Check.atLeast("target_gas", targetGas, 1);
            Check.positive("floor_gwei", floorGwei);
            if (!(baseFeeGwei >= floorGwei) || Double.isInfinite(baseFeeGwei)) {
                throw new IllegalArgumentException("base_fee_gwei: must be ≥ floor_gwei (" + floorGwei + "), got " + baseFeeGwei);
            }
            Check.positive("native_price", nativePrice);
        }
    }

    /**
     * A scheduled stress episode between {@code start} and {@code end} seconds: gas multiplied by
     * {@code gasSpike} and external depth by {@code depthScale} while it lasts (1 = unchanged).
     */
    public record Episode(
            @Doc("the episode's name, as logs show it") String name,
            @Doc(value = "when it begins", unit = "seconds") double start,
            @Doc(value = "when it ends, > start", unit = "seconds") double end,
            @Doc(value = "gas prices are multiplied by this while it lasts (1: unchanged)", unit = "×", range = "(0, ∞)")
            double gasSpike,
            @Doc(value = "external venue depth is multiplied by this while it lasts (1: unchanged)", unit = "×",
                    range = "(0, ∞)") double depthScale) {
        public Episode {
            if (!(end > start) || !(gasSpike > 0) || !(depthScale > 0)) {
                throw new IllegalArgumentException("episode " + name + ": need end > start, gas_spike > 0, depth_scale > 0");
            }
        }
    }
}
