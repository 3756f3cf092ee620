package backstop.model.agent;

import backstop.model.chain.PendingTx;
import backstop.model.world.Sender;
import backstop.model.world.World;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;
import sim.engine.SimState;
import sim.engine.Steppable;

import java.util.function.Consumer;

/**
 * A participant of the world. It acts only by submitting transactions to the mempool, like any user of a
 * real chain; each arrives {@link #latency()} seconds after it is sent, so an agent always acts on a view
 * that is stale by the time its transaction executes. Every transaction that reaches a block, successful or not, pays
 * gas from the agent's {@link #gasAccount()} to the validators pot of the ledger; an agent sends nothing it could not
 * pay for. Its payoff is read from the ledger the same way for every agent ({@link backstop.model.world.Claims}), plus
 * whatever it made on venues outside the protocol ({@link #externalPnl}). It is a MASON {@code Steppable}: the model's
 * {@link WakeCalendar} steps it in the agents phase of each block in which it wakes.
 */
public abstract class Agent implements Sender, Steppable {
    private static final long serialVersionUID = 1L;

    private final int id;
    private final String population;
    private final double latency;
    private double wakeEvery;
    private double nextWake;
    private long gasPaid;
    private long ordersSent;
    private double gasBudget = Double.POSITIVE_INFINITY;
    private double inFlightGas;
    private long submitted;
    private long failed;
    private long priced;
    /** The world it acts in and the calendar that wakes it, once it is on one ({@link WakeCalendar#add}). */
    transient World world;
    transient WakeCalendar calendar;
    /** The block it is filed under on its calendar, or {@link WakeCalendar#NOT_FILED} / {@link WakeCalendar#DUE}. */
    long wakeBlock = WakeCalendar.NOT_FILED;

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

    /** Called in the agents phase of each block in which the agent wakes: observe, decide, submit. */
    public abstract void act(World world);

    /** MASON's entry point: the agent acts in the world of the calendar that steps it. */
    @Override
    public final void step(SimState state) {
        act(world);
    }

    /** The account the agent pays gas from (−1 before it has one: it then cannot send). */
    @Override
    public abstract int gasAccount();

    /**
     * The agent's payoff now, quote units: its claim on the ledger (every account it opened, at value never below zero,
     * plus vault shares, minus net deposits — gas included, since gas is paid from the account) plus {@link #externalPnl}.
     */
    public final double payoff(World world) {
        return world.claims().payoff(id) + externalPnl(world);
    }

    /**
     * Everything the agent owns at the start, on the protocol and off it (quote units): what it deposits at genesis, any
     * reserve it may deposit later and what it may spend on external venues. Limited liability: its payoff is never
     * below minus this, gas included.
     */
    public abstract double endowment();

    /** Profit on holdings outside the protocol (an external venue, spot), quote units; 0 for most agents. */
    public double externalPnl(World world) {
        return 0;
    }

    /**
     * How often the agent wakes, in seconds (0: every block). Its first wake is offset by a uniform fraction
     * of the interval ({@code phase} in [0, 1)) so a population does not act in lockstep. Every agent today calls it
     * from its constructor; called later, the next wake is {@code seconds × phase} after the start of the run (never
     * before the next block), and the calendar moves the agent there.
     */
    protected final void wakeEvery(double seconds, double phase) {
        if (!(seconds >= 0) || !(phase >= 0 && phase < 1)) {
            throw new IllegalArgumentException(population + ": need wake interval ≥ 0 and phase in [0, 1)");
        }
        this.wakeEvery = seconds;
        this.nextWake = seconds * phase;
        if (calendar != null) {
            calendar.moved(this);
        }
    }

    /** Whether the agent acts at {@code now}; if so, its next wake is scheduled. */
    final boolean wakes(double now) {
        if (now < nextWake) {
            return false;
        }
        nextWake = wakeEvery <= 0 ? now : Math.max(nextWake + wakeEvery, now);
        return true;
    }

    /** When the agent next wakes, simulated seconds: it acts in the first block at or after this time. */
    public final double nextWake() {
        return nextWake;
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
     * Sends {@code tx} with a priority fee (gwei) and the wallet's default max fee: the agent's per-transaction budget
     * if it has one, else twice the base fee plus the priority fee (what wallets set). See
     * {@link #send(World, Tx, double, double, long, Consumer)}.
     */
    protected final boolean send(World world, Tx tx, double priorityFee, long gas, Consumer<TxReceipt> onReceipt) {
        return send(world, tx, priorityFee, Double.NaN, gas, onReceipt);
    }

    /**
     * Sends {@code tx} with EIP-1559 fees: a priority fee and a max fee per unit of gas (gwei, base fee included; NaN
     * for the wallet default), both capped by the agent's per-transaction budget. It is not sent when the base fee
     * already exceeds the max fee, when it would cost more than the budget now, or when its gas at the max fee, with
     * that of the agent's transactions still pending, exceeds what the agent could pay ({@link #spendable}).
     * {@code onReceipt} sees the result when its block runs or drops it. Returns whether it was sent.
     */
    protected final boolean send(World world, Tx tx, double priorityFee, double maxFee, long gas,
                                 Consumer<TxReceipt> onReceipt) {
        double quotePerGwei = gas * 1e-9 * world.spec().chain().nativePrice();
        double baseFee = world.gas().baseFee();
        double cap = Double.isNaN(maxFee) ? (Double.isFinite(gasBudget) ? gasBudget / quotePerGwei : 2 * baseFee + priorityFee)
                : Math.min(maxFee, gasBudget / quotePerGwei);
        double tip = Math.min(priorityFee, cap);
        double reserve = cap * quotePerGwei;
        if (!(cap >= baseFee) || (baseFee + tip) * quotePerGwei > gasBudget || reserve > spendable(world) - inFlightGas) {
            priced++;
            return false;
        }
        submitted++;
        if (tx instanceof Tx.PlaceOrder) {
            ordersSent++;
        }
        inFlightGas += reserve;
        world.mempool().submit(new PendingTx(world.mempool().nextSequence(), id, tx, tip, cap, world.now() + latency,
                world.block() + world.spec().chain().txTtlBlocks(), gas, r -> {
                    inFlightGas = Math.max(0, inFlightGas - reserve);
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
     * What the agent could pay gas from now, quote units: the protocol's {@code gasAllowance} of its gas account (its
     * equity, never below zero, capped by the tokens the protocol holds); 0 without an account.
     */
    protected final double spendable(World world) {
        int account = gasAccount();
        return account < 0 ? 0 : Amounts.toUnits(world.protocol().gasAllowance(account));
    }

    /** Transactions not sent because gas was above the budget or above what the agent could pay. */
    public final long pricedOut() {
        return priced;
    }

    /** Records gas paid (micro-units, already posted to the validators) for one transaction (by the block phase). */
    @Override
    public final void recordGas(long micros) {
        gasPaid = Math.addExact(gasPaid, micros);
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

    /** Gas paid so far, quote units. */
    public final double gasPaid() {
        return Amounts.toUnits(gasPaid);
    }

    /** Gas paid so far, micro-units. */
    public final long gasPaidMicros() {
        return gasPaid;
    }

    public final long submitted() {
        return submitted;
    }

    /** Of the transactions it sent, those that place an order (the rest cancel, deposit, liquidate…). */
    public final long ordersSent() {
        return ordersSent;
    }

    public final long failed() {
        return failed;
    }
}
