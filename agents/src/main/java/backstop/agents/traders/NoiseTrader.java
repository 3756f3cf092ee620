package backstop.agents.traders;

import backstop.model.spec.Check;
import backstop.model.world.World;
import backstop.protocol.book.Side;
import backstop.protocol.tx.Tx;
import ec.util.MersenneTwisterFast;

/**
 * Noise trader: when it wakes it buys or sells a random notional with a market order, keeping its position
 * within a leverage cap; its flow is what market makers earn the spread on.
 */
public final class NoiseTrader extends Trader {
    /** Behaviour of one noise trader. */
    public record Params(int market, double capital, double tradeNotional, double maxLeverage, double wakeSeconds,
                         double latency) {
        public Params {
            Check.positiveAmount("trade_notional", tradeNotional);
            Check.positive("max_leverage", maxLeverage);
        }
    }

    private final Params p;
    private final MersenneTwisterFast rng;

    public NoiseTrader(int id, String population, Params params, MersenneTwisterFast rng) {
        super(id, population, params.latency(), params.capital(), params.wakeSeconds(), rng);
        this.p = params;
        this.rng = rng;
    }

    @Override
    public void act(World world) {
        double price = oracle(world, p.market());
        double notional = p.tradeNotional() * (0.5 + rng.nextDouble());
        long lots = lotsFor(world, p.market(), notional, price);
        if (lots == 0) {
            return;
        }
        Side side = rng.nextBoolean() ? Side.BUY : Side.SELL;
        long position = position(world, p.market());
        double exposure = Math.abs(world.protocol().market(p.market()).spec().base(position + side.sign() * lots)) * price;
        if (exposure > p.maxLeverage() * Math.max(0, value(world))) {
            side = position > 0 ? Side.SELL : Side.BUY;   // at the cap: trade toward flat instead
        }
        send(world, Tx.PlaceOrder.market(account(), p.market(), side, lots), 0, ORDER_GAS, null);
    }
}
