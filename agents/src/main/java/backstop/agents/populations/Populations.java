package backstop.agents.populations;

import backstop.agents.adversary.OracleManipulator;
import backstop.agents.arbitrage.BasisArbitrageur;
import backstop.agents.arbitrage.OracleLatencyArbitrageur;
import backstop.agents.keepers.Keeper;
import backstop.agents.makers.MarketMaker;
import backstop.agents.params.Dist;
import backstop.agents.traders.FundamentalistTrader;
import backstop.agents.traders.LeveragedTrader;
import backstop.agents.traders.MomentumTrader;
import backstop.agents.traders.UnwindingWinner;
import backstop.agents.vault.VaultLp;
import backstop.agents.traders.NoiseTrader;
import backstop.model.agent.Agent;
import backstop.model.agent.AgentFactory;
import backstop.model.spec.Doc;
import backstop.model.world.World;
import ec.util.MersenneTwisterFast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The agent populations a scenario lists: each draws every member's parameters from its distributions, in
 * member order, from the population's own stream — so adding a population never changes another's draws.
 * Every population takes an optional {@code gasBudget}: the most a member pays for one transaction.
 */
public final class Populations {
    private Populations() {
    }

    /**
     * {@code count} members with ids from {@code firstId}, each made by {@code make} (which draws its
     * parameters) and then given a gas budget drawn from {@code budget} (none: it always pays).
     */
    private static List<Agent> members(int count, int firstId, Dist budget, MersenneTwisterFast rng, IntFunction<Agent> make) {
        List<Agent> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Agent a = make.apply(firstId + i);
            if (budget != null) {
                a.setGasBudget(budget.sample(rng));
            }
            out.add(a);
        }
        return out;
    }

    private static void requireCount(String name, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(name + ".count: must be ≥ 0, got " + count);
        }
    }

    /** Leveraged retail traders. {@code reserve} is drawn as a multiple of capital. */
    public record LeveragedTraders(
            @Doc("the population's name, as results and logs label its members") String name,
            @Doc(value = "how many members", unit = "members", range = "[0, ∞)") int count,
            @Doc(value = "the market it trades, an index into markets", unit = "index", range = "[0, ∞)") int market,
            @Doc(value = "each member's starting collateral", unit = "quote units") Dist capital,
            @Doc(value = "leverage of a new position", unit = "×") Dist leverage,
            @Doc(value = "probability that a new position is long", unit = "fraction") double longBias,
            @Doc(value = "probability of opening a position at a wake-up when flat", unit = "fraction") Dist entryProbability,
            @Doc(value = "close when the position's profit reaches this share of its margin", unit = "fraction") double takeProfit,
            @Doc(value = "below this health (equity / maintenance margin) the trader tops up or panics", unit = "×") double alarmHealth,
            @Doc(value = "probability of adding margin from the reserve when alarmed", unit = "fraction") double topUpProbability,
            @Doc(value = "probability of closing the position when alarmed", unit = "fraction") double panicProbability,
            @Doc(value = "margin reserve kept outside the position, a multiple of capital", unit = "×") Dist reserve,
            @Doc(value = "time between a member's decisions", unit = "seconds") Dist wakeSeconds,
            @Doc(value = "delay from a decision to its transaction reaching the mempool", unit = "seconds") Dist latency,
            @Doc(value = "the most a member pays for one transaction; dearer ones are skipped (absent: it always pays)", unit = "quote units", absent = "none") Dist gasBudget) implements AgentFactory {
        public LeveragedTraders {
            requireCount(name, count);
        }

        @Override
        public List<Agent> create(int firstId, World world, MersenneTwisterFast rng) {
            return members(count, firstId, gasBudget, rng, id -> {
                double cap = capital.sample(rng);
                var params = new LeveragedTrader.Params(market, cap, leverage.sample(rng), longBias,
                        entryProbability.sample(rng), takeProfit, alarmHealth, topUpProbability, panicProbability,
                        cap * reserve.sample(rng), wakeSeconds.sample(rng), latency.sample(rng));
                return new LeveragedTrader(id, name, params, rng);
            });
        }
    }

    /** Noise traders. */
    public record NoiseTraders(
            @Doc("the population's name, as results and logs label its members") String name,
            @Doc(value = "how many members", unit = "members", range = "[0, ∞)") int count,
            @Doc(value = "the market it trades, an index into markets", unit = "index", range = "[0, ∞)") int market,
            @Doc(value = "each member's starting collateral", unit = "quote units") Dist capital,
            @Doc(value = "notional of one random trade", unit = "quote units") Dist tradeNotional,
            @Doc(value = "trades that would push leverage above this are skipped", unit = "×") double maxLeverage,
            @Doc(value = "time between a member's decisions", unit = "seconds") Dist wakeSeconds,
            @Doc(value = "delay from a decision to its transaction reaching the mempool", unit = "seconds") Dist latency,
            @Doc(value = "the most a member pays for one transaction; dearer ones are skipped (absent: it always pays)", unit = "quote units", absent = "none") Dist gasBudget) implements AgentFactory {
        public NoiseTraders {
            requireCount(name, count);
        }

        @Override
        public List<Agent> create(int firstId, World world, MersenneTwisterFast rng) {
            return members(count, firstId, gasBudget, rng, id -> {
                var params = new NoiseTrader.Params(market, capital.sample(rng), tradeNotional.sample(rng),
                        maxLeverage, wakeSeconds.sample(rng), latency.sample(rng));
                return new NoiseTrader(id, name, params, rng);
            });
        }
    }

    /** Market makers. */
    public record MarketMakers(
            @Doc("the population's name, as results and logs label its members") String name,
            @Doc(value = "how many members", unit = "members", range = "[0, ∞)") int count,
            @Doc(value = "the market it trades, an index into markets", unit = "index", range = "[0, ∞)") int market,
            @Doc(value = "each member's starting collateral", unit = "quote units") Dist capital,
            @Doc(value = "quote levels on each side", unit = "levels") int levels,
            @Doc(value = "notional quoted at each level", unit = "quote units") Dist levelNotional,
            @Doc(value = "half-spread in calm markets", unit = "bp") Dist baseSpreadBps,
            @Doc(value = "the half-spread widens by this × per-block volatility in bp", unit = "×") double volSpreadFactor,
            @Doc(value = "level size shrinks by 1 / (1 + this × annual volatility)", unit = "×") double depthVolFactor,
            @Doc(value = "reservation-price skew at the inventory limit (0.003 = 0.3%)", unit = "fraction") double inventoryAversion,
            @Doc(value = "inventory limit; quotes that would exceed it are pulled", unit = "quote units") Dist maxInventoryNotional,
            @Doc(value = "pull all quotes above this annualised volatility", unit = "fraction per year") Dist withdrawVol,
            @Doc(value = "requote when the mid has moved more than this", unit = "bp") double requoteBps,
            @Doc(value = "EWMA decay of the maker's volatility estimate, in (0, 1)", unit = "fraction") double ewmaLambda,
            @Doc(value = "delay from a decision to its transaction reaching the mempool", unit = "seconds") Dist latency,
            @Doc(value = "the most a member pays for one transaction; dearer ones are skipped (absent: it always pays)", unit = "quote units", absent = "none") Dist gasBudget,
            @Doc(value = "time between a member's looks at the market (ABIDES's makers: 60 s)", unit = "seconds", absent = "every block") Dist wakeSeconds,
            @Doc(value = "share of its perp inventory it offsets on the external venue at every look, in [0, 1]", unit = "fraction", absent = "0: no hedge") Dist hedgeRatio) implements AgentFactory {
        public MarketMakers {
            requireCount(name, count);
        }

        @Override
        public List<Agent> create(int firstId, World world, MersenneTwisterFast rng) {
            return members(count, firstId, gasBudget, rng, id -> {
                var params = new MarketMaker.Params(market, capital.sample(rng), levels, levelNotional.sample(rng),
                        baseSpreadBps.sample(rng), volSpreadFactor, depthVolFactor, inventoryAversion,
                        maxInventoryNotional.sample(rng), withdrawVol.sample(rng), requoteBps, ewmaLambda,
                        latency.sample(rng), wakeSeconds == null ? 0 : wakeSeconds.sample(rng),
                        hedgeRatio == null ? 0 : hedgeRatio.sample(rng));
                return new MarketMaker(id, name, params, rng);
            });
        }
    }

    /** Basis arbitrageurs. */
    public record Arbitrageurs(
            @Doc("the population's name, as results and logs label its members") String name,
            @Doc(value = "how many members", unit = "members", range = "[0, ∞)") int count,
            @Doc(value = "the market it trades, an index into markets", unit = "index", range = "[0, ∞)") int market,
            @Doc(value = "each member's starting collateral", unit = "quote units") Dist capital,
            @Doc(value = "trade when perp and spot differ by more than this", unit = "fraction") Dist threshold,
            @Doc(value = "notional of one arbitrage trade", unit = "quote units") Dist tradeNotional,
            @Doc(value = "largest position held", unit = "quote units") Dist maxNotional,
            @Doc(value = "time between a member's decisions", unit = "seconds") Dist wakeSeconds,
            @Doc(value = "delay from a decision to its transaction reaching the mempool", unit = "seconds") Dist latency,
            @Doc(value = "the most a member pays for one transaction; dearer ones are skipped (absent: it always pays)", unit = "quote units", absent = "none") Dist gasBudget,
            @Doc(value = "also carry funding above this rate per interval (absent: basis only)", unit = "fraction per funding interval", absent = "none: basis only") Dist fundingThreshold)
            implements AgentFactory {
        public Arbitrageurs {
            requireCount(name, count);
        }

        @Override
        public List<Agent> create(int firstId, World world, MersenneTwisterFast rng) {
            return members(count, firstId, gasBudget, rng, id -> {
                var params = new BasisArbitrageur.Params(market, capital.sample(rng), threshold.sample(rng),
                        tradeNotional.sample(rng), maxNotional.sample(rng), wakeSeconds.sample(rng), latency.sample(rng),
                        fundingThreshold == null ? 0 : fundingThreshold.sample(rng));
                return new BasisArbitrageur(id, name, params, rng);
            });
        }
    }

    /**
     * A keeper's margin under English (flip) auctions when the scenario gives none: it bids up to 95% of a lot's value.
     * ASSUMPTION: a margin for the price risk over a bid's ttl and the unwind; it acts only under a flip design.
     */
    public static final double DEFAULT_FLIP_DISCOUNT = 0.05;

    /** Keepers / liquidators. */
    public record Keepers(
            @Doc("the population's name, as results and logs label its members") String name,
            @Doc(value = "how many members", unit = "members", range = "[0, ∞)") int count,
            @Doc(value = "each member's starting collateral", unit = "quote units") Dist capital,
            @Doc(value = "the reward a keeper expects, a share of the liquidated notional", unit = "fraction") Dist rewardRate,
            @Doc(value = "share of the expected profit bid as priority fee", unit = "fraction") Dist bidShare,
            @Doc(value = "skip calls expected to earn less than this after gas", unit = "quote units") double minProfit,
            @Doc(value = "gas one liquidation call uses", unit = "gas") long gasPerCall,
            @Doc(value = "most liquidation calls a keeper sends per block (0: none, not even probes)", unit = "calls", range = "[0, ∞)") int maxCallsPerBlock,
            @Doc(value = "time between a member's decisions", unit = "seconds") Dist wakeSeconds,
            @Doc(value = "delay from a decision to its transaction reaching the mempool", unit = "seconds") Dist latency,
            @Doc(value = "the most a member pays for one transaction; dearer ones are skipped (absent: it always pays)", unit = "quote units", absent = "none") Dist gasBudget,
            @Doc(value = "under Dutch auctions, buy lots this far through the oracle (0: never)", unit = "fraction") double auctionDiscount,
            @Doc(value = "call an account only once it has been liquidatable this long, cleaning up what faster keepers left",
                    unit = "seconds", range = "[0, ∞)", absent = "0: at once") Double waitSeconds,
            @Doc(value = "under English (flip) auctions, bid up to the lot's value less this share, with the cash it has free",
                    unit = "fraction", range = "[0, 1]", absent = "0.05") Double flipDiscount) implements AgentFactory {
        public Keepers {
            requireCount(name, count);
        }

        @Override
        public List<Agent> create(int firstId, World world, MersenneTwisterFast rng) {
            return members(count, firstId, gasBudget, rng, id -> {
                var params = new Keeper.Params(capital.sample(rng), rewardRate.sample(rng), bidShare.sample(rng),
                        minProfit, gasPerCall, maxCallsPerBlock, wakeSeconds.sample(rng), latency.sample(rng), auctionDiscount,
                        waitSeconds == null ? 0 : waitSeconds, flipDiscount == null ? DEFAULT_FLIP_DISCOUNT : flipDiscount);
                return new Keeper(id, name, params, rng);
            });
        }
    }

    /** Momentum traders. */
    public record MomentumTraders(
            @Doc("the population's name, as results and logs label its members") String name,
            @Doc(value = "how many members", unit = "members", range = "[0, ∞)") int count,
            @Doc(value = "the market it trades, an index into markets", unit = "index", range = "[0, ∞)") int market,
            @Doc(value = "each member's starting collateral", unit = "quote units") Dist capital,
            @Doc(value = "notional of one trade", unit = "quote units") Dist notional,
            @Doc(value = "past samples the trend is measured over", unit = "samples") int lookback,
            @Doc(value = "trade when the return over the lookback exceeds this", unit = "fraction") Dist threshold,
            @Doc(value = "time between a member's decisions", unit = "seconds") Dist wakeSeconds,
            @Doc(value = "delay from a decision to its transaction reaching the mempool", unit = "seconds") Dist latency,
            @Doc(value = "the most a member pays for one transaction; dearer ones are skipped (absent: it always pays)", unit = "quote units", absent = "none") Dist gasBudget) implements AgentFactory {
        public MomentumTraders {
            requireCount(name, count);
        }

        @Override
        public List<Agent> create(int firstId, World world, MersenneTwisterFast rng) {
            return members(count, firstId, gasBudget, rng, id -> new MomentumTrader(id, name, new MomentumTrader.Params(market,
                    capital.sample(rng), notional.sample(rng), lookback, threshold.sample(rng), wakeSeconds.sample(rng),
                    latency.sample(rng)), rng));
        }
    }

    /** Fundamentalist traders. */
    public record Fundamentalists(
            @Doc("the population's name, as results and logs label its members") String name,
            @Doc(value = "how many members", unit = "members", range = "[0, ∞)") int count,
            @Doc(value = "the market it trades, an index into markets", unit = "index", range = "[0, ∞)") int market,
            @Doc(value = "each member's starting collateral", unit = "quote units") Dist capital,
            @Doc(value = "notional of one trade", unit = "quote units") Dist notional,
            @Doc(value = "position size per unit of log mispricing against the anchor", unit = "×") Dist sensitivity,
            @Doc(value = "half-life of the anchor (the believed fundamental value) following the price", unit = "seconds") Dist anchorHalfLife,
            @Doc(value = "time between a member's decisions", unit = "seconds") Dist wakeSeconds,
            @Doc(value = "delay from a decision to its transaction reaching the mempool", unit = "seconds") Dist latency,
            @Doc(value = "the most a member pays for one transaction; dearer ones are skipped (absent: it always pays)", unit = "quote units", absent = "none") Dist gasBudget)
            implements AgentFactory {
        public Fundamentalists {
            requireCount(name, count);
        }

        @Override
        public List<Agent> create(int firstId, World world, MersenneTwisterFast rng) {
            return members(count, firstId, gasBudget, rng, id -> new FundamentalistTrader(id, name,
                    new FundamentalistTrader.Params(market, capital.sample(rng), notional.sample(rng),
                            sensitivity.sample(rng), anchorHalfLife.sample(rng), wakeSeconds.sample(rng),
                            latency.sample(rng)), rng));
        }
    }

    /** Oracle-latency arbitrageurs. */
    public record LatencyArbitrageurs(
            @Doc("the population's name, as results and logs label its members") String name,
            @Doc(value = "how many members", unit = "members", range = "[0, ∞)") int count,
            @Doc(value = "the market it trades, an index into markets", unit = "index", range = "[0, ∞)") int market,
            @Doc(value = "each member's starting collateral", unit = "quote units") Dist capital,
            @Doc(value = "trade when the venue price leads the oracle by more than this", unit = "fraction") Dist threshold,
            @Doc(value = "notional of one trade", unit = "quote units") Dist notional,
            @Doc(value = "delay from a decision to its transaction reaching the mempool", unit = "seconds") Dist latency,
            @Doc(value = "the most a member pays for one transaction; dearer ones are skipped (absent: it always pays)", unit = "quote units", absent = "none") Dist gasBudget) implements AgentFactory {
        public LatencyArbitrageurs {
            requireCount(name, count);
        }

        @Override
        public List<Agent> create(int firstId, World world, MersenneTwisterFast rng) {
            return members(count, firstId, gasBudget, rng, id -> new OracleLatencyArbitrageur(id, name,
                    new OracleLatencyArbitrageur.Params(market, capital.sample(rng), threshold.sample(rng),
                            notional.sample(rng), latency.sample(rng)), rng));
        }
    }

    /** Oracle manipulators (Mango). */
    public record Manipulators(
            @Doc("the population's name, as results and logs label its members") String name,
            @Doc(value = "how many members", unit = "members", range = "[0, ∞)") int count,
            @Doc(value = "the market it trades, an index into markets", unit = "index", range = "[0, ∞)") int market,
            @Doc(value = "collateral of each of its two accounts", unit = "quote units") double capitalPerAccount,
            @Doc(value = "notional of the long and short positions it opens against each other", unit = "quote units") double positionNotional,
            @Doc(value = "spot notional bought on the thin oracle venue to pump the price", unit = "quote units") double pumpNotional,
            @Doc(value = "when the attack starts", unit = "seconds") double attackTime,
            @Doc(value = "buys the pump is split into", unit = "steps") int pumpSteps,
            @Doc(value = "delay from a decision to its transaction reaching the mempool", unit = "seconds") double latency,
            @Doc(value = "whether it attacks; false: it deposits its capital and sends no transaction (the no-attack strategy)",
                    absent = "true") Boolean attack)
            implements AgentFactory {
        public Manipulators {
            requireCount(name, count);
        }

        @Override
        public List<Agent> create(int firstId, World world, MersenneTwisterFast rng) {
            return members(count, firstId, null, rng, id -> new OracleManipulator(id, name, new OracleManipulator.Params(
                    market, capitalPerAccount, positionNotional, pumpNotional, attackTime, pumpSteps, latency,
                    attack == null || attack), rng));
        }
    }

    /** Backstop-vault liquidity providers. */
    public record VaultLps(
            @Doc("the population's name, as results and logs label its members") String name,
            @Doc(value = "how many members", unit = "members", range = "[0, ∞)") int count,
            @Doc(value = "each member's starting collateral", unit = "quote units") Dist capital,
            @Doc(value = "share of capital deposited into the backstop vault, in (0, 1]", unit = "fraction") Dist depositShare,
            @Doc(value = "withdraw once the vault's share price falls this far from its peak", unit = "fraction") Dist exitDrawdown,
            @Doc(value = "time between a member's decisions", unit = "seconds") Dist wakeSeconds,
            @Doc(value = "delay from a decision to its transaction reaching the mempool", unit = "seconds") Dist latency,
            @Doc(value = "the most a member pays for one transaction; dearer ones are skipped (absent: it always pays)", unit = "quote units", absent = "none") Dist gasBudget) implements AgentFactory {
        public VaultLps {
            requireCount(name, count);
        }

        @Override
        public List<Agent> create(int firstId, World world, MersenneTwisterFast rng) {
            return members(count, firstId, gasBudget, rng, id -> new VaultLp(id, name, new VaultLp.Params(capital.sample(rng),
                    depositShare.sample(rng), exitDrawdown.sample(rng), wakeSeconds.sample(rng), latency.sample(rng)), rng));
        }
    }

    /** Winners exposed to auto-deleveraging, who may unwind before ADL reaches them ({@link UnwindingWinner}). */
    public record Winners(
            @Doc("the population's name, as results and logs label its members") String name,
            @Doc(value = "how many members", unit = "members", range = "[0, ∞)") int count,
            @Doc(value = "the market it trades, an index into markets", unit = "index", range = "[0, ∞)") int market,
            @Doc(value = "each member's starting collateral", unit = "quote units") Dist capital,
            @Doc("the side of its position: short (a crash makes it a winner) or long") String side,
            @Doc(value = "leverage of its position, capped by the market's initial margin", unit = "×") Dist leverage,
            @Doc(value = "when it opens its position (at its first wake from then)", unit = "seconds", absent = "0") Dist openSeconds,
            @Doc(value = "unwind once the insurance fund has paid out this share of its balance at genesis, in [0, 1]",
                    unit = "fraction", absent = "never") Double unwindFundDrawn,
            @Doc(value = "unwind once the oracle has moved this fraction in its favour since entry, in [0, 1]",
                    unit = "fraction", absent = "never") Double unwindGain,
            @Doc(value = "time between a member's decisions", unit = "seconds") Dist wakeSeconds,
            @Doc(value = "delay from a decision to its transaction reaching the mempool", unit = "seconds") Dist latency,
            @Doc(value = "the most a member pays for one transaction; dearer ones are skipped (absent: it always pays)", unit = "quote units", absent = "none") Dist gasBudget) implements AgentFactory {
        public Winners {
            requireCount(name, count);
            if (!"short".equals(side) && !"long".equals(side)) {
                throw new IllegalArgumentException(name + ".side: must be short or long, got " + side);
            }
        }

        @Override
        public List<Agent> create(int firstId, World world, MersenneTwisterFast rng) {
            return members(count, firstId, gasBudget, rng, id -> new UnwindingWinner(id, name, new UnwindingWinner.Params(
                    market, capital.sample(rng), "short".equals(side), leverage.sample(rng),
                    openSeconds == null ? 0 : openSeconds.sample(rng),
                    unwindFundDrawn == null ? Double.NaN : unwindFundDrawn, unwindGain == null ? Double.NaN : unwindGain,
                    wakeSeconds.sample(rng), latency.sample(rng)), rng));
        }
    }
}
