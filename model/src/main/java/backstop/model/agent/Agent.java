package backstop.model.agent;

import backstop.model.chain.PendingTx;
import backstop.model.world.World;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;

import java.util.function.Consumer;

/**
 * A participant of the world. It acts only by submitting transactions to the mempool, like any user of a
 * real chain; each arrives {@link #latency()} seconds after it is sent, so an agent always acts on a view
 * that is stale by the time its transaction executes. Agents pay gas (outside the protocol's ledger) for
 * every transaction that reaches a block, successful or not, and keep it in their payoff.
 */
public abstract class Agent {
    private final int id;
    private final String population;
    private final double latency;
    private double wakeEvery;
    private double nextWake;
    private double gasPaid;
    private double gasBudget = Double.POSITIVE_INFINITY;
    private double inFlightGas;
    private long submitted;
    private long failed;
    private long priced;

    protected Agent(int id, String population, double latency) {
        if (!(latency >= 0)) {
            throw new IllegalArgumentException(population + ": latency must be ≥ 0, got " + latency);
        }
        this.id = id;
        this.population = population;
        this.latency = latency;
    }

    /**
     * Called once when the world starts, before block 1: open accounts and deposit. This is the genesis
     * state, so these transactions go straight to {@code world.protocol().submit(...)}, not through the mempool.
     */
    public abstract void setUp(World world);

    /** Called in the agents phase of every block: observe, decide, submit. */
    public abstract void act(World world);

    /** Net value of this agent's accounts and external holdings now, minus gas (quote units). */
    public abstract double payoff(World world);

    /**
     * How often the agent wakes, in seconds (0: every block). Its first wake is offset by a uniform fraction
     * of the interval ({@code phase} in [0, 1)) so a population does not act in lockstep.
     */
    protected final void wakeEvery(double seconds, double phase) {
        if (!(seconds >= 0) || !(phase >= 0 && phase < 1)) {
            throw new IllegalArgumentException(population + ": need wake interval ≥ 0 and phase in [0, 1)");
        }
        this.wakeEvery = seconds;
        this.nextWake = seconds * phase;
    }

    /** Whether the agent acts at {@code now}; if so, its next wake is scheduled. */
    public final boolean wakes(double now) {
        if (now < nextWake) {
            return false;
        }
        nextWake = wakeEvery <= 0 ? now : Math.max(nextWake + wakeEvery, now);
        return true;
    }

    /**
     * The most this agent pays for one transaction (quote units); dearer transactions are not sent. This is
     * the demand side of the gas market: under congestion the base fee rises until enough agents step back.
     */
    public final void setGasBudget(double quote) {
        if (!(quote > 0)) {
            throw new IllegalArgumentException(population + ": gas budget must be > 0, got " + quote);
        }
        this.gasBudget = quote;
    }

    /**
     * Sends {@code tx} with a priority fee (gwei) unless it would cost more gas than the agent's budget;
     * {@code onReceipt} sees the result when its block runs. Returns whether it was sent.
     */
    protected final boolean send(World world, Tx tx, double priorityFee, long gas, Consumer<TxReceipt> onReceipt) {
        double cost = world.gas().cost(gas, priorityFee, world.spec().chain().nativePrice());
        if (cost > gasBudget || cost > spendable(world) - inFlightGas) {
            priced++;
            return false;
        }
        submitted++;
        inFlightGas += cost;
        world.mempool().submit(new PendingTx(world.mempool().nextSequence(), id, tx, priorityFee,
                world.now() + latency, gas, r -> {
                    inFlightGas = Math.max(0, inFlightGas - cost);
                    if (!r.ok()) {
                        failed++;
                    }
                    if (onReceipt != null) {
                        onReceipt.accept(r);
                    }
                }));
        return true;
    }

    /**
     * What the agent could pay gas from now, quote units: an agent never sends a transaction whose gas, with that of
     * its transactions still pending, exceeds it. Unbounded by default; agents with funds return them net of the gas
     * already paid.
     */
    protected double spendable(World world) {
        return Double.POSITIVE_INFINITY;
    }

    /** Transactions not sent because gas was above the budget or above what the agent could pay. */
    public final long pricedOut() {
        return priced;
    }

    /** Records gas paid for one executed transaction (by the block phase). */
    public final void chargeGas(double quote) {
        gasPaid += quote;
    }

    public final int id() {
        return id;
    }

    /** The population (agent class) this agent belongs to, e.g. "traders/noise". */
    public final String population() {
        return population;
    }

    public final double latency() {
        return latency;
    }

    public final double gasPaid() {
        return gasPaid;
    }

    public final long submitted() {
        return submitted;
    }

    public final long failed() {
        return failed;
    }
}
