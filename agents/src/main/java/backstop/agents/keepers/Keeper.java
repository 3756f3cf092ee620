package backstop.agents.keepers;

import backstop.agents.AccountAgent;
import backstop.agents.AgentClass;
import backstop.model.chain.GasMarket;
import backstop.model.world.World;
import backstop.protocol.Protocol;
import backstop.protocol.tx.Tx;
import ec.util.MersenneTwisterFast;

/**
 * Liquidator / keeper (DESIGN.md §5): where the design lets keepers liquidate, it watches the protocol's public
 * list of liquidatable accounts and calls {@code Liquidate} when the reward it expects — its believed reward
 * rate times the account's notional — exceeds the gas it would pay, bidding a share of the expected profit as
 * priority fee against other keepers. When gas spikes or positions are small it stands down (Black
 * Thursday); losers of a gas auction still pay gas for their failed calls.
 */
public final class Keeper extends AccountAgent {
    /** Behaviour of one keeper; the reward rate is a fraction of notional, gas in units. */
    public record Params(double capital, double rewardRate, double bidShare, double minProfit, long gasPerCall,
                         int maxCallsPerBlock, double wakeSeconds, double latency) {
    }

    private final Params p;
    private long calls;
    private long stoodDown;

    public Keeper(int id, String population, Params params, MersenneTwisterFast rng) {
        super(id, population, params.latency(), params.capital());
        this.p = params;
        wakeEvery(params.wakeSeconds(), rng.nextDouble());
    }

    @Override
    public AgentClass agentClass() {
        return AgentClass.LIQUIDATOR;
    }

    @Override
    public void act(World world) {
        Protocol protocol = world.protocol();
        if (!protocol.config().liquidation().keeperTriggered()) {
            return;
        }
        GasMarket gas = world.gas();
        double nativePrice = world.spec().chain().nativePrice();
        double baseCost = gas.cost(p.gasPerCall(), 0, nativePrice);
        int sent = 0;
        for (int target : protocol.risk().liquidatableAccounts()) {
            if (sent == p.maxCallsPerBlock()) {
                break;
            }
            double profit = p.rewardRate() * notional(world, target) - baseCost;
            if (profit < p.minProfit()) {
                stoodDown++;
                continue;
            }
            double feeGwei = p.bidShare() * profit / (p.gasPerCall() * 1e-9 * nativePrice);
            send(world, new Tx.Liquidate(account(), target), feeGwei, p.gasPerCall(), null);
            calls++;
            sent++;
        }
    }

    /** Absolute notional of the target's positions at oracle prices, quote units. */
    private static double notional(World world, int target) {
        Protocol protocol = world.protocol();
        double total = 0;
        for (long mask = protocol.accounts().positionMask(target); mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            var spec = protocol.market(m).spec();
            total += Math.abs(spec.base(protocol.accounts().size(target, m))) * oracle(world, m);
        }
        return total;
    }

    /** Liquidation calls sent. */
    public long calls() {
        return calls;
    }

    /** Liquidatable accounts passed over because the expected profit did not cover gas. */
    public long stoodDown() {
        return stoodDown;
    }
}
