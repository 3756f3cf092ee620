package backstop.agents.traders;

import backstop.model.spec.Check;
import backstop.model.world.World;
import backstop.protocol.book.Side;
import backstop.protocol.tx.Tx;
import ec.util.MersenneTwisterFast;

/**
 * A trader exposed to auto-deleveraging as a winner (issue 13; the unwind game of Chitra et al., arXiv 2512.01112):
 * from {@code openSeconds} it builds one position of capital × leverage, on the side that a crash makes profitable,
 * with market orders (one at a time: a thin book fills part of each) for at most {@value #BUILD_SECONDS} s, and then
 * decides when to unwind it voluntarily — paying the taker fee and the book's slippage — before ADL reaches it, where
 * it would be closed at the bankrupt account's price instead. It never re-opens once flat, whoever closed it.
 *
 * <p>It unwinds the whole position (through a {@link Closer}) at the first wake where a trigger it plays holds, and
 * each trigger reads only what is public on chain:
 * <ul>
 *   <li>{@code unwindFundDrawn}: the insurance fund that backs its market has paid out at least this share of its
 *   balance at genesis (the fund's pot is a public balance; ADL starts where the fund runs out). A design without a
 *   fund at genesis never fires it.</li>
 *   <li>{@code unwindGain}: the oracle has moved at least this fraction in its favour since its entry (for a short,
 *   1 − oracle ÷ entry oracle), taking profit before the loss zone.</li>
 * </ul>
 * NaN disables a trigger; with both disabled it holds to the end of the run.
 */
public final class UnwindingWinner extends Trader {
    /** Behaviour of one winner. {@code unwindFundDrawn} and {@code unwindGain}: NaN disables them. */
    public record Params(int market, double capital, boolean isShort, double leverage, double openSeconds,
                         double unwindFundDrawn, double unwindGain, double wakeSeconds, double latency) {
        public Params {
            Check.positive("leverage", leverage);
            Check.nonNegative("open_seconds", openSeconds);
            if (!Double.isNaN(unwindFundDrawn)) {
                Check.fraction("unwind_fund_drawn", unwindFundDrawn);
            }
            if (!Double.isNaN(unwindGain)) {
                Check.fraction("unwind_gain", unwindGain);
            }
        }
    }

    /** How long it keeps adding to its position after its first order, in seconds. */
    static final double BUILD_SECONDS = 300;

    private final Params p;
    private final Closer closer = new Closer();
    private long fundAtStart;
    private long target;
    private boolean opening;
    private boolean done;
    private double entry = Double.NaN;
    private double firstOrderAt = Double.NaN;
    private double unwoundAt = Double.NaN;

    public UnwindingWinner(int id, String population, Params params, MersenneTwisterFast rng) {
        super(id, population, params.latency(), params.capital(), params.wakeSeconds(), rng);
        this.p = params;
    }

    @Override
    public void setUp(World world) {
        super.setUp(world);
        fundAtStart = fund(world);
    }

    @Override
    public void act(World world) {
        if (done || opening || world.now() < p.openSeconds()) {
            return;
        }
        long size = position(world, p.market());
        if (size != 0 && Double.isNaN(entry)) {
            entry = oracle(world, p.market());
        }
        if (Double.isNaN(unwoundAt) && !Double.isNaN(entry) && triggered(world)) {
            unwoundAt = world.now();
        }
        if (!Double.isNaN(unwoundAt)) {
            if (size == 0) {
                done = true;
            } else {
                closer.close(account(), p.market(), size, (tx, onReceipt) -> send(world, tx, 0, ORDER_GAS, onReceipt));
            }
        } else if (Double.isNaN(firstOrderAt) || world.now() - firstOrderAt <= BUILD_SECONDS) {
            build(world, size);
        } else if (size == 0) {
            done = true;                         // liquidated or deleveraged away: it does not come back
        }
    }

    /** Adds to its position toward capital × leverage (capped by the initial margin) with one market order. */
    private void build(World world, long size) {
        if (Double.isNaN(firstOrderAt)) {
            double price = oracle(world, p.market());
            double imf = world.protocol().margin().model().initialPpm(world.protocol().market(p.market()), 0) / 1e6;
            target = lotsFor(world, p.market(), capital() * Math.min(p.leverage(), 0.95 / imf), price);
            firstOrderAt = world.now();
        }
        long missing = target - Math.abs(size);
        if (missing > 0) {
            Side side = p.isShort() ? Side.SELL : Side.BUY;
            opening = send(world, Tx.PlaceOrder.market(account(), p.market(), side, missing), 0, ORDER_GAS,
                    receipt -> opening = false);
        }
    }

    /** Whether a trigger it plays holds now. */
    private boolean triggered(World world) {
        if (!Double.isNaN(p.unwindFundDrawn()) && fundAtStart > 0
                && fundAtStart - fund(world) >= p.unwindFundDrawn() * fundAtStart) {
            return true;
        }
        if (!Double.isNaN(p.unwindGain())) {
            double move = oracle(world, p.market()) / entry - 1;
            return (p.isShort() ? -move : move) >= p.unwindGain();
        }
        return false;
    }

    private long fund(World world) {
        return world.protocol().ledger().balance(world.protocol().insuranceFundPot(p.market()));
    }

    /** When it decided to unwind (seconds), NaN if it never did. */
    public double unwoundAt() {
        return unwoundAt;
    }
}
