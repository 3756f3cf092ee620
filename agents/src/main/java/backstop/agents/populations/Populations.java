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
import backstop.agents.vault.VaultLp;
import backstop.agents.traders.NoiseTrader;
import backstop.model.agent.Agent;
import backstop.model.agent.AgentFactory;
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
    public record LeveragedTraders(String name, int count, int market, Dist capital, Dist leverage, double longBias,
                                   Dist entryProbability, double takeProfit, double alarmHealth,
                                   double topUpProbability, double panicProbability, Dist reserve, Dist wakeSeconds,
                                   Dist latency, Dist gasBudget) implements AgentFactory {
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
    public record NoiseTraders(String name, int count, int market, Dist capital, Dist tradeNotional, double maxLeverage,
                               Dist wakeSeconds, Dist latency, Dist gasBudget) implements AgentFactory {
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
    public record MarketMakers(String name, int count, int market, Dist capital, int levels, Dist levelNotional,
                               Dist baseSpreadBps, double volSpreadFactor, double depthVolFactor,
                               double inventoryAversion, Dist maxInventoryNotional, Dist withdrawVol,
                               double requoteBps, double ewmaLambda, Dist latency, Dist gasBudget) implements AgentFactory {
        public MarketMakers {
            requireCount(name, count);
        }

        @Override
        public List<Agent> create(int firstId, World world, MersenneTwisterFast rng) {
            return members(count, firstId, gasBudget, rng, id -> {
                var params = new MarketMaker.Params(market, capital.sample(rng), levels, levelNotional.sample(rng),
                        baseSpreadBps.sample(rng), volSpreadFactor, depthVolFactor, inventoryAversion,
                        maxInventoryNotional.sample(rng), withdrawVol.sample(rng), requoteBps, ewmaLambda,
                        latency.sample(rng));
                return new MarketMaker(id, name, params, rng);
            });
        }
    }

    /** Basis arbitrageurs. */
    public record Arbitrageurs(String name, int count, int market, Dist capital, Dist threshold, Dist tradeNotional,
                               Dist maxNotional, Dist wakeSeconds, Dist latency, Dist gasBudget, Dist fundingThreshold)
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

    /** Keepers / liquidators. */
    public record Keepers(String name, int count, Dist capital, Dist rewardRate, Dist bidShare, double minProfit,
                          long gasPerCall, int maxCallsPerBlock, Dist wakeSeconds, Dist latency, Dist gasBudget,
                          double auctionDiscount) implements AgentFactory {
        public Keepers {
            requireCount(name, count);
        }

        @Override
        public List<Agent> create(int firstId, World world, MersenneTwisterFast rng) {
            return members(count, firstId, gasBudget, rng, id -> {
                var params = new Keeper.Params(capital.sample(rng), rewardRate.sample(rng), bidShare.sample(rng),
                        minProfit, gasPerCall, maxCallsPerBlock, wakeSeconds.sample(rng), latency.sample(rng), auctionDiscount);
                return new Keeper(id, name, params, rng);
            });
        }
    }

    /** Momentum traders. */
    public record MomentumTraders(String name, int count, int market, Dist capital, Dist notional, int lookback,
                                  Dist threshold, Dist wakeSeconds, Dist latency, Dist gasBudget) implements AgentFactory {
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
    public record Fundamentalists(String name, int count, int market, Dist capital, Dist notional, Dist sensitivity,
                                  Dist anchorHalfLife, Dist wakeSeconds, Dist latency, Dist gasBudget)
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
    public record LatencyArbitrageurs(String name, int count, int market, Dist capital, Dist threshold, Dist notional,
                                      Dist latency, Dist gasBudget) implements AgentFactory {
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
    public record Manipulators(String name, int count, int market, double capitalPerAccount, double positionNotional,
                               double pumpNotional, double attackTime, int pumpSteps, double latency)
            implements AgentFactory {
        public Manipulators {
            requireCount(name, count);
        }

        @Override
        public List<Agent> create(int firstId, World world, MersenneTwisterFast rng) {
            return members(count, firstId, null, rng, id -> new OracleManipulator(id, name, new OracleManipulator.Params(
                    market, capitalPerAccount, positionNotional, pumpNotional, attackTime, pumpSteps, latency), rng));
        }
    }

    /** Backstop-vault liquidity providers. */
    public record VaultLps(String name, int count, Dist capital, Dist depositShare, Dist exitDrawdown, Dist wakeSeconds,
                           Dist latency, Dist gasBudget) implements AgentFactory {
        public VaultLps {
            requireCount(name, count);
        }

        @Override
        public List<Agent> create(int firstId, World world, MersenneTwisterFast rng) {
            return members(count, firstId, gasBudget, rng, id -> new VaultLp(id, name, new VaultLp.Params(capital.sample(rng),
                    depositShare.sample(rng), exitDrawdown.sample(rng), wakeSeconds.sample(rng), latency.sample(rng)), rng));
        }
    }
}
