package backstop.experiments.design;

import backstop.experiments.config.Mechanism;
import backstop.model.spec.Check;
import backstop.model.spec.Doc;
import backstop.protocol.liquidation.DydxBlockLimits;
import backstop.protocol.liquidation.HyperliquidChunks;
import backstop.protocol.liquidation.LiquidationThrottle;
import backstop.protocol.liquidation.SynthetixWindow;
import backstop.protocol.money.Amounts;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.Arrays;
import java.util.List;

/** The caps of a {@code throttled} liquidation (or of a vault takeover's book step), chosen by {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface ThrottleSpec {
    /** A fresh throttle for a protocol of {@code markets} markets. */
    LiquidationThrottle build(int markets);

    /** See {@link LiquidationSpec#listedMarkets}. */
    default int listedMarkets() {
        return 1;
    }

    /** dYdX v4: per block ≤ {@code maxPositionPortion} of a position, ≥ {@code minPositionNotional}, ≤ {@code maxNotionalPerBlock}. */
    @Mechanism(name = "dydx",
            summary = "dYdX v4 per-block limits",
            example = "{max_position_portion: 0.1, min_position_notional: 1000, max_notional_per_block: 100000}")
    record Dydx(
            @Doc(value = "largest share of a position liquidated per block (dYdX: 0.1)", unit = "fraction",
                    range = "[0, 1]") double maxPositionPortion,
            @Doc(value = "… but at least this much notional per block (dYdX: $1,000)", unit = "quote units",
                    range = "[0, ∞)") double minPositionNotional,
            @Doc(value = "most notional liquidated per account per block (dYdX: $100k)", unit = "quote units",
                    range = "(0, ∞)") double maxNotionalPerBlock) implements ThrottleSpec {
        public Dydx {
            Check.positive("liquidation.throttle.max_notional_per_block", maxNotionalPerBlock);
        }

        @Override
        public LiquidationThrottle build(int markets) {
            return new DydxBlockLimits(Amounts.ppm(maxPositionPortion), Amounts.micros(Math.round(minPositionNotional)),
                    Amounts.micros(Math.round(maxNotionalPerBlock)));
        }
    }

    /** Hyperliquid: positions above {@code partialAbove} go {@code fraction} at a time; then a {@code cooldownSeconds} window. */
    @Mechanism(name = "hyperliquid",
            summary = "Hyperliquid chunks: large positions go a share at a time, then a cooldown",
            example = "{partial_above: 100000, fraction: 0.2, cooldown_seconds: 30}")
    record Hyperliquid(
            @Doc(value = "positions above this notional are liquidated in chunks (Hyperliquid: $100k)",
                    unit = "quote units", range = "[0, ∞)") double partialAbove,
            @Doc(value = "share of the position one chunk closes (Hyperliquid: 0.2)", unit = "fraction",
                    range = "[0, 1]") double fraction,
            @Doc(value = "after a chunk, the whole position may go within this window (Hyperliquid: 30 s)",
                    unit = "seconds", range = "[0, ∞)") long cooldownSeconds) implements ThrottleSpec {
        @Override
        public LiquidationThrottle build(int markets) {
            return new HyperliquidChunks(Amounts.micros(Math.round(partialAbove)), Amounts.ppm(fraction), cooldownSeconds);
        }
    }

    /**
     * Synthetix v3: at most {@code capacityLots} per market in any {@code windowSeconds} (0: unlimited), one
     * value for every market or one per market in market order; flagged accounts finish in later windows; a
     * flat {@code flagReward} (quote units) to the flagging keeper.
     */
    @Mechanism(name = "synthetix",
            summary = "Synthetix v3: a liquidation capacity per market per window; flagged accounts finish later",
            example = "{capacity_lots: [360000], window_seconds: 30, flag_reward: 5}")
    record Synthetix(
            @Doc(value = "lots liquidated per market per window (0: unlimited): one value for every market, or one"
                    + " per market in market order", unit = "lots", range = "[0, ∞)", absent = "required")
            List<Long> capacityLots,
            @Doc(value = "length of a capacity window", unit = "seconds", range = "[1, ∞)") long windowSeconds,
            @Doc(value = "flat reward to the keeper that flags an account", unit = "quote units", range = "[0, ∞)")
            double flagReward) implements ThrottleSpec {
        static final String CAPACITY = "liquidation.throttle.capacity_lots";

        public Synthetix {
            Check.required(CAPACITY, capacityLots);
            if (capacityLots.isEmpty()) {
                throw new IllegalArgumentException(CAPACITY + ": must list a single value for all markets, or one value per market");
            }
            for (int m = 0; m < capacityLots.size(); m++) {
                Check.atLeast(CAPACITY + "[" + m + "]", Check.required(CAPACITY + "[" + m + "]", capacityLots.get(m)), 0);
            }
            capacityLots = List.copyOf(capacityLots);
            Check.atLeast("liquidation.throttle.window_seconds", windowSeconds, 1);
        }

        /**
         * The capacity of each of {@code markets} markets: a single value is every market's; a list of another
         * length than the market count is refused, naming the key, its length and the market count.
         */
        long[] perMarket(int markets) {
            long[] lots = new long[markets];
            if (capacityLots.size() == 1) {
                Arrays.fill(lots, capacityLots.get(0));
                return lots;
            }
            if (capacityLots.size() != markets) {
                throw new IllegalArgumentException(CAPACITY + ": lists " + capacityLots.size() + " values but the"
                        + " scenario has " + markets + (markets == 1 ? " market" : " markets")
                        + "; give a single value for all markets, or one value per market");
            }
            for (int m = 0; m < markets; m++) {
                lots[m] = capacityLots.get(m);
            }
            return lots;
        }

        @Override
        public LiquidationThrottle build(int markets) {
            return new SynthetixWindow(perMarket(markets), windowSeconds, Amounts.micros(Math.round(flagReward)));
        }

        @Override
        public int listedMarkets() {
            return capacityLots.size();
        }
    }
}
