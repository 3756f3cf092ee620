package backstop.agents.arbitrage;

import backstop.model.spec.Check;
import backstop.agents.AccountAgent;
import backstop.agents.AgentClass;
import backstop.model.world.World;
import backstop.protocol.book.Side;
import backstop.protocol.tx.Tx;
import ec.util.MersenneTwisterFast;

/**
 * Oracle-latency arbitrage (DESIGN.md §5): oracle sources publish on heartbeat and deviation after a delay,
 * so the protocol's price lags the external venue. When the venue is more than {@code threshold} away from
 * the oracle it takes the perp in the venue's direction at the resting quotes that still reflect the stale
 * oracle, and closes once the oracle has caught up. Its profit is makers' adverse selection.
 */
public final class OracleLatencyArbitrageur extends AccountAgent {
    /** Behaviour of one latency arbitrageur; threshold as a fraction (0.002 = 20 bp). */
    public record Params(int market, double capital, double threshold, double notional, double latency) {
        public Params {
            Check.nonNegative("threshold", threshold);
            Check.positiveAmount("notional", notional);
        }
    }

    private final Params p;

    public OracleLatencyArbitrageur(int id, String population, Params params, MersenneTwisterFast rng) {
        super(id, population, params.latency(), params.capital());
        this.p = params;
        wakeEvery(0, 0);
    }

    @Override
    public AgentClass agentClass() {
        return AgentClass.ARBITRAGEUR;
    }

    @Override
    public void act(World world) {
        double venue = world.venue(p.market()).price();
        double oracle = oracle(world, p.market());
        double gap = venue / oracle - 1;
        long position = position(world, p.market());
        if (position == 0 && Math.abs(gap) > p.threshold()) {
            Side side = gap > 0 ? Side.BUY : Side.SELL;
            long lots = lotsFor(world, p.market(), p.notional(), oracle);
            long limit = world.protocol().market(p.market()).spec().ticks(venue);   // no worse than the venue
            if (lots > 0) {
                submit(world, Tx.PlaceOrder.ioc(account(), p.market(), side, limit, lots));
            }
        } else if (position != 0 && Math.abs(gap) < p.threshold() / 4) {
            submit(world, Tx.PlaceOrder.close(account(), p.market(), position > 0 ? Side.SELL : Side.BUY, Math.abs(position)));
        }
    }
}
