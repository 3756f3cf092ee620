package backstop.experiments.design;

import backstop.experiments.config.Mechanism;
import backstop.protocol.waterfall.AdlRanking;
import backstop.protocol.waterfall.BinanceRanking;
import backstop.protocol.waterfall.BitmexRanking;
import backstop.protocol.waterfall.HyperliquidRanking;
import backstop.protocol.waterfall.ProRataRanking;
import backstop.protocol.waterfall.RandomRanking;

/**
 * How auto-deleveraging orders the opposite side, written as a bare name ({@code ranking: HYPERLIQUID}, any case,
 * {@code _} for {@code -}). A ranking takes no keys of its own.
 */
public sealed interface RankingSpec {
    /** A fresh ranking; {@code seed} feeds a randomized one. */
    AdlRanking build(long seed);

    @Mechanism(name = "bitmex", summary = "BitMEX: PnL% × effective leverage, highest first")
    record Bitmex() implements RankingSpec {
        @Override
        public AdlRanking build(long seed) {
            return new BitmexRanking();
        }
    }

    @Mechanism(name = "binance", summary = "Binance LeveragePnL: PnL% × margin ratio, highest first")
    record Binance() implements RankingSpec {
        @Override
        public AdlRanking build(long seed) {
            return new BinanceRanking();
        }
    }

    @Mechanism(name = "hyperliquid",
            summary = "Hyperliquid HIP-3 index: (mark / entry) × (notional / account value), highest first")
    record Hyperliquid() implements RankingSpec {
        @Override
        public AdlRanking build(long seed) {
            return new HyperliquidRanking();
        }
    }

    @Mechanism(name = "pro-rata", summary = "no queue: every candidate gives lots in proportion to its size")
    record ProRata() implements RankingSpec {
        @Override
        public AdlRanking build(long seed) {
            return new ProRataRanking();
        }
    }

    @Mechanism(name = "random",
            summary = "dYdX v4: from a pseudo-random start in account order, wrapping around (seeded)")
    record Random() implements RankingSpec {
        @Override
        public AdlRanking build(long seed) {
            return new RandomRanking(seed);
        }
    }
}
