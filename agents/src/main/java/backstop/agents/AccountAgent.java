package backstop.agents;

import backstop.model.spec.Check;
import backstop.model.agent.Agent;
import backstop.model.world.World;
import backstop.protocol.Protocol;
import backstop.protocol.market.Market;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;

/**
 * An agent that trades from one cross-margin account funded with {@code capital} at genesis, and pays its gas from
 * it. Its payoff is read from the ledger like every agent's ({@link backstop.model.world.Claims}).
 */
public abstract class AccountAgent extends Agent {
    /** Gas of one order-book transaction; app-chains are cheap, L1s are not (the chain's gas price decides). */
    protected static final long ORDER_GAS = 60_000;

    private final long capitalMicros;
    private int account = -1;

    protected AccountAgent(int id, String population, double latency, double capital) {
        super(id, population, latency);
        if (!(capital >= 0 && capital <= Check.MAX_AMOUNT)) {
            throw new IllegalArgumentException(population + ": capital must be an amount in [0, 1e12] quote units, got "
                    + capital);
        }
        this.capitalMicros = Math.round(capital * Amounts.MICROS);
    }

    @Override
    public void setUp(World world) {
        Protocol p = world.protocol();
        account = (int) p.submit(new Tx.OpenAccount(id(), -1, agentClass().tag())).id();
        if (capitalMicros > 0) {
            p.submit(new Tx.Deposit(account, capitalMicros));
        }
    }

    /** The agent's class (its account tag), used to attribute value flows and payoffs. */
    public abstract AgentClass agentClass();

    public final int account() {
        return account;
    }

    /** What the agent deposits at genesis, to the micro-unit (quote units). */
    public final double capital() {
        return Amounts.toUnits(capitalMicros);
    }

    /** Its capital; agents with a reserve off the protocol add it. */
    @Override
    public double endowment() {
        return capital();
    }

    /** Signed position in lots. */
    protected final long position(World world, int market) {
        return world.protocol().accounts().size(account, market);
    }

    /** Account value now (quote units). */
    protected final double value(World world) {
        return Amounts.toUnits(world.protocol().risk(account).value());
    }

    /** Health now (value / maintenance requirement; +∞ with no positions). */
    protected final double health(World world) {
        return world.protocol().risk(account).health();
    }

    /** The oracle price of a market in quote units. */
    protected static double oracle(World world, int market) {
        Market m = world.protocol().market(market);
        return m.spec().price(m.oraclePrice());
    }

    /** Lots worth {@code notional} quote at {@code price}. */
    protected static long lotsFor(World world, int market, double notional, double price) {
        return Math.max(0, world.protocol().market(market).spec().lots(notional / price));
    }

    @Override
    public final int gasAccount() {
        return account;
    }

    /** Sends an order-book transaction with no priority fee (strategy traders). */
    public final void submit(World world, Tx tx) {
        send(world, tx, 0, ORDER_GAS, null);
    }

}
