package backstop.agents.traders;

import backstop.model.spec.Check;
import backstop.model.world.World;
import ec.util.MersenneTwisterFast;

/**
 * Momentum (trend-following) trader: when it wakes it compares the oracle with its value {@code lookback}
 * wakes ago; beyond a threshold it holds a position of {@code notional} in the direction of the move,
 * otherwise it goes flat. Its buying into rallies and selling into falls feeds the very moves it follows.
 */
public final class MomentumTrader extends Trader {
    /** Behaviour of one momentum trader; the threshold is a fractional move (0.005 = 0.5%). */
    public record Params(int market, double capital, double notional, int lookback, double threshold, double wakeSeconds,
                         double latency) {
        public Params {
            Check.atLeast("lookback", lookback, 1);
            Check.nonNegative("threshold", threshold);
            Check.positiveAmount("notional", notional);
        }
    }

    private final Params p;
    private final double[] history;
    private int seen;

    public MomentumTrader(int id, String population, Params params, MersenneTwisterFast rng) {
        super(id, population, params.latency(), params.capital(), params.wakeSeconds(), rng);
        this.p = params;
        this.history = new double[params.lookback()];
    }

    @Override
    public void act(World world) {
        double price = oracle(world, p.market());
        double past = history[seen % history.length];
        history[seen % history.length] = price;
        seen++;
        if (seen <= history.length) {
            return;
        }
        double move = price / past - 1;
        int direction = Math.abs(move) < p.threshold() ? 0 : (move > 0 ? 1 : -1);
        long target = direction * lotsFor(world, p.market(), p.notional(), price);
        Orders.moveTo(this, world, p.market(), target);
    }
}
