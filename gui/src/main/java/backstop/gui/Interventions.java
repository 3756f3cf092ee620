package backstop.gui;

import backstop.model.world.World;
import backstop.protocol.Protocol;
import backstop.protocol.breaker.CircuitBreaker;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The mid-run edits a researcher may make: a price shock, an insurance top-up, a registered parameter change, a
 * circuit breaker added.
 * Each is applied between blocks (the caller schedules it so) and logged, so a run that had any is known not
 * to be a replay of {@code backstop run}.
 */
public final class Interventions {
    private final List<String> log = new ArrayList<>();

    /** Multiplies asset {@code asset}'s exogenous price by {@code factor} now (0.8 is a 20% crash). */
    public void shock(World world, int asset, double factor) {
        if (asset < 0 || asset >= world.prices().assets()) {
            throw new IllegalArgumentException("shock asset: must be 0.." + (world.prices().assets() - 1) + ", got " + asset);
        }
        double before = world.prices().price(asset);
        world.prices().shock(asset, factor);
        log.add(String.format(Locale.ROOT, "block %d: shock asset %d ×%s (%s → %s)", world.block(), asset, factor,
                before, world.prices().price(asset)));
    }

    /**
     * Adds {@code micros} to the insurance fund of {@code market} from outside the protocol (a design with one
     * shared fund has the same fund behind every market).
     */
    public void topUpInsurance(Protocol p, int market, long micros) {
        if (market < 0 || market >= p.markets().size()) {
            throw new IllegalArgumentException("insurance top-up market: must be 0.." + (p.markets().size() - 1) + ", got " + market);
        }
        if (micros <= 0) {
            throw new IllegalArgumentException("insurance top-up: must be > 0 micro-units, got " + micros);
        }
        TxReceipt r = p.submit(new Tx.InsuranceTopUp(market, micros, "gui"));
        if (!r.ok()) {
            throw new IllegalArgumentException("insurance top-up of " + micros + " micros refused: " + r.result());
        }
        log.add("block " + p.block() + ": insurance top-up " + micros + " micros (" + p.market(market).spec().symbol() + ")");
    }

    /** Sets a registered protocol parameter (clamped to its bounds) by a governance transaction; returns the value applied. */
    public long setParameter(Protocol p, String name, long value) {
        if (!p.parameters().has(name)) {
            throw new IllegalArgumentException("parameter '" + name + "' is not registered; known: "
                    + p.parameters().all().stream().map(x -> x.name()).toList());
        }
        p.submit(new Tx.SetParameter(name, value, "gui"));
        long applied = p.parameters().get(name).value();
        log.add("block " + p.block() + ": parameter " + name + " = " + applied);
        return applied;
    }

    /** Adds a circuit breaker to the running protocol (see {@link Protocol#addBreaker}); its parameters become settable. */
    public void addBreaker(Protocol p, CircuitBreaker breaker) {
        p.addBreaker(breaker, "gui");
        log.add("block " + p.block() + ": breaker " + breaker.name() + " added");
    }

    /** What was applied this run, in order. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** True once any edit was made: the run is no longer a replay of the headless one. */
    public boolean edited() {
        return !log.isEmpty();
    }

    public void reset() {
        log.clear();
    }
}
