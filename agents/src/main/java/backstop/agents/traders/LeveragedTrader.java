package backstop.agents.traders;

import backstop.model.spec.Check;
import backstop.model.world.World;
import backstop.protocol.book.Side;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import ec.util.MersenneTwisterFast;

/**
 * Leveraged retail (DESIGN.md §5): opens a position at its own leverage when it wakes, takes profit at a
 * target, and when its health falls near liquidation either tops up margin from its reserve or panic-closes
 * — or does nothing and is liquidated. Each choice is a draw from its own stream. It closes through a {@link Closer}:
 * one close at a time, backing off after closes that filled nothing.
 */
public final class LeveragedTrader extends Trader {
    /** Behaviour of one trader. */
    public record Params(int market, double capital, double leverage, double longBias, double entryProbability,
                         double takeProfit, double alarmHealth, double topUpProbability, double panicProbability,
                         double reserve, double wakeSeconds, double latency) {
        public Params {
            Check.positive("leverage", leverage);
            Check.fraction("long_bias", longBias);
            Check.fraction("entry_probability", entryProbability);
            Check.nonNegative("take_profit", takeProfit);
            Check.nonNegative("alarm_health", alarmHealth);
            Check.fraction("top_up_probability", topUpProbability);
            Check.fraction("panic_probability", panicProbability);
            Check.amount("reserve", reserve);
        }
    }

    private final Params p;
    private final MersenneTwisterFast rng;
    private final long reserveAtStart;
    private long reserve;
    private boolean alarmed;
    private final Closer closer = new Closer();

    public LeveragedTrader(int id, String population, Params params, MersenneTwisterFast rng) {
        super(id, population, params.latency(), params.capital(), params.wakeSeconds(), rng);
        this.p = params;
        this.rng = rng;
        this.reserveAtStart = Math.round(params.reserve() * Amounts.MICROS);
        this.reserve = reserveAtStart;
    }

    /** Capital plus the margin reserve it holds off the protocol for top-ups. */
    @Override
    public double endowment() {
        return capital() + Amounts.toUnits(reserveAtStart);
    }

    @Override
    public void act(World world) {
        long size = position(world, p.market());
        if (size == 0) {
            alarmed = false;
            if (rng.nextDouble() < p.entryProbability()) {
                open(world);
            }
            return;
        }
        double health = health(world);
        if (health < p.alarmHealth()) {
            if (!alarmed) {
                alarmed = true;
                react(world, size);
            }
            return;
        }
        alarmed = false;
        double pnl = value(world) / capital() - 1;
        if (pnl >= p.takeProfit()) {
            close(world, size);
        }
    }

    private void open(World world) {
        double price = oracle(world, p.market());
        // No more leverage than the market's initial margin allows (public), less a little for fees.
        var market = world.protocol().market(p.market());
        double imf = world.protocol().margin().model().initialPpm(market, 0) / 1e6;
        double leverage = Math.min(p.leverage(), 0.95 / imf);
        double notional = Math.max(0, value(world)) * leverage;
        long lots = lotsFor(world, p.market(), notional, price);
        if (lots > 0) {
            Side side = rng.nextDouble() < p.longBias() ? Side.BUY : Side.SELL;
            send(world, Tx.PlaceOrder.market(account(), p.market(), side, lots), 0, ORDER_GAS, null);
        }
    }

    /** Near liquidation: top up half the reserve, or panic-close, or hold. */
    private void react(World world, long size) {
        double u = rng.nextDouble();
        if (u < p.topUpProbability() && reserve > Amounts.MICROS) {
            long amount = reserve / 2;
            reserve -= amount;
            send(world, new Tx.Deposit(account(), amount), 0, 50_000, null);
        } else if (u < p.topUpProbability() + p.panicProbability()) {
            close(world, size);
        }
    }

    private void close(World world, long size) {
        closer.close(account(), p.market(), size, (tx, onReceipt) -> send(world, tx, 0, ORDER_GAS, onReceipt));
    }

    /** Closes sent so far (take-profit and panic). */
    public long closesSent() {
        return closer.sent();
    }

    /** Closes whose receipt showed nothing filled (refused, expired, unpaid or an empty book). */
    public long closesUnfilled() {
        return closer.unfilled();
    }
}
