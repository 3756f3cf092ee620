package backstop.agents.adversary;

import backstop.model.spec.Check;
import backstop.agents.AgentClass;
import backstop.model.agent.Agent;
import backstop.model.market.ExternalMarket;
import backstop.model.world.World;
import backstop.protocol.Protocol;
import backstop.protocol.book.Side;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import ec.util.MersenneTwisterFast;

import java.util.List;

/**
 * The Mango Markets attack (MECHANISMS.md §9, 11 Oct 2022) as an agent. Two accounts of one owner take both
 * sides of a large perp position against each other at the market price; at {@code attackTime} the adversary
 * buys {@code pumpNotional} on the thin venues the oracle reads, so the long account's unrealized profit
 * balloons; it then withdraws everything the protocol lets it (free collateral against that profit) and walks
 * away, leaving the short account bankrupt. Its payoff is read from the ledger like every agent's (what it withdrew
 * counts, as a withdrawal from its accounts; the bankrupt short counts as zero: it walks away from it), plus the spot
 * it bought at what it is worth now.
 *
 * <p>Two quantities of the attack are its own, read by {@link ExtractionMeter}: the value it <em>extracted</em>, the
 * cash its accounts withdrew from the protocol less the capital they deposited ({@link #extractedMicros}, exact, from
 * the ledger's transfers), and the protocol's <em>withdrawable liquidity</em> when the attack starts: the tokens the
 * protocol holds at the first wake at or after {@code attackTime} ({@link Protocol#tokensHeld()}, read before any pump),
 * the ceiling on any withdrawal. With {@code attack} false it deposits its capital at genesis and then sends no
 * transaction at all (no self-trade, no pump, no withdrawal), still reading the liquidity at {@code attackTime}: the
 * game's outside option.
 */
public final class OracleManipulator extends Agent {
    /** The attack's plan: sizes in quote units, times in seconds. */
    public record Params(int market, double capitalPerAccount, double positionNotional, double pumpNotional,
                         double attackTime, int pumpSteps, double latency, boolean attack) {
        public Params {
            Check.amount("capital_per_account", capitalPerAccount);
            Check.amount("position_notional", positionNotional);
            Check.amount("pump_notional", pumpNotional);
            Check.nonNegative("attack_time", attackTime);
            Check.atLeast("pump_steps", pumpSteps, 1);
            if (attack && !(positionNotional > 0)) {
                throw new IllegalArgumentException("position_notional: an attack needs a position, got "
                        + positionNotional + " (attack: false sends no attack transaction)");
            }
        }
    }

    private final Params p;
    private int longAccount = -1;
    private int shortAccount = -1;
    private double withdrawn;
    private double spotBase;
    private double spotCost;
    private int pumped;
    private boolean positioned;
    private long withdrawableAtAttack = -1;

    public OracleManipulator(int id, String population, Params params, MersenneTwisterFast rng) {
        super(id, population, params.latency());
        this.p = params;
        wakeEvery(0, 0);
    }

    @Override
    public void setUp(World world) {
        Protocol protocol = world.protocol();
        long capital = Amounts.micros(Math.round(p.capitalPerAccount()));
        longAccount = (int) protocol.submit(new Tx.OpenAccount(id(), -1, AgentClass.ADVERSARY.tag())).id();
        shortAccount = (int) protocol.submit(new Tx.OpenAccount(id(), -1, AgentClass.ADVERSARY.tag())).id();
        protocol.submit(new Tx.Deposit(longAccount, capital));
        protocol.submit(new Tx.Deposit(shortAccount, capital));
    }

    @Override
    public void act(World world) {
        if (world.now() >= p.attackTime() && withdrawableAtAttack < 0) {
            withdrawableAtAttack = world.protocol().tokensHeld();
        }
        if (!p.attack()) {
            return; // it only looks: no self-trade, no pump, no withdrawal
        }
        var market = world.protocol().market(p.market());
        if (!positioned) {
            // The self-trade: one account rests a sell at the oracle price, the other takes it.
            long price = market.oraclePrice();
            long lots = market.spec().lots(p.positionNotional() / market.spec().price(price));
            send(world, Tx.PlaceOrder.limit(shortAccount, p.market(), Side.SELL, price, lots), 0, 60_000, null);
            send(world, Tx.PlaceOrder.ioc(longAccount, p.market(), Side.BUY, price, lots), 0, 60_000, null);
            positioned = true;
            return;
        }
        if (world.now() < p.attackTime()) {
            return;
        }
        if (pumped < p.pumpSteps()) {
            pump(world, p.pumpNotional() / p.pumpSteps());
            pumped++;
            return;
        }
        // 90% of what is free now (by the time the withdrawal executes the pump has faded a little), and never more
        // than 99.9% of the tokens the protocol holds, which anyone can read on chain (its own gas leaves them first):
        // the attacker drains the protocol in a few withdrawals.
        long amount = Math.min(world.protocol().risk(longAccount).freeCollateral() / 10 * 9,
                world.protocol().tokensHeld() / 1_000 * 999);
        if (amount > Amounts.MICROS) {
            send(world, new Tx.Withdraw(longAccount, amount), 1_000, 100_000, r -> {
                if (r.ok()) {
                    withdrawn += Amounts.toUnits(amount);
                }
            });
        }
    }

    /** Buys spot on every thin venue the oracle reads (or the main venue if there are none). */
    private void pump(World world, double notional) {
        List<ExternalMarket> thin = world.thinVenues(p.market());
        List<ExternalMarket> venues = thin.isEmpty() ? List.of(world.venue(p.market())) : thin;
        for (ExternalMarket v : venues) {
            double each = notional / venues.size();
            double avg = v.trade(each);
            spotBase += each / avg;
            spotCost += each;
        }
    }

    /** The capital of its two accounts and the spot it may buy in the pump. */
    @Override
    public double endowment() {
        return 2 * Amounts.toUnits(Amounts.micros(Math.round(p.capitalPerAccount()))) + p.pumpNotional();
    }

    /** It pays gas from the long account, the one with the profit. */
    @Override
    public int gasAccount() {
        return longAccount;
    }

    /** The spot it bought, at what it is worth once the pump has faded, minus what it cost. */
    @Override
    public double externalPnl(World world) {
        List<ExternalMarket> thin = world.thinVenues(p.market());
        ExternalMarket venue = thin.isEmpty() ? world.venue(p.market()) : thin.get(0);
        return spotBase * venue.reference() - spotCost;
    }

    /**
     * Cash its accounts withdrew from the protocol less the capital they deposited, micro-units: minus the sum of
     * their net deposits on the ledger ({@code transfer} events DEPOSIT and WITHDRAWAL, {@link
     * backstop.model.world.Claims#netDeposited}). Gas is not a withdrawal: it stays in the ledger's validators pot.
     */
    public long extractedMicros(World world) {
        long net = 0;
        for (int a : world.claims().accountsOf(id())) {
            net = Math.addExact(net, world.claims().netDeposited(a));
        }
        return Math.negateExact(net);
    }

    /** The tokens the protocol held at its first wake at or after {@code attack_time}, micro-units; −1 before it. */
    public long withdrawableAtAttack() {
        return withdrawableAtAttack;
    }

    /** When its attack starts, seconds. */
    public double attackTime() {
        return p.attackTime();
    }

    /** Quote units withdrawn so far. */
    public double withdrawn() {
        return withdrawn;
    }
}
