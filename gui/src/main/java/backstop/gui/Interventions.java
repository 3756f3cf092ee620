package backstop.gui;

import backstop.experiments.run.Intervention;
import backstop.model.world.World;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The mid-run edits a researcher may make: a price shock, an insurance top-up, a registered parameter change, a
 * circuit breaker added. Each is applied between blocks (the caller schedules it so) as an {@link Intervention}
 * stamped with the block it followed, and recorded, so {@code manifest.json} of a saved run lists them and
 * {@code backstop run --interventions manifest.json} replays the run exactly.
 */
public final class Interventions {
    private backstop.experiments.run.Interventions record = backstop.experiments.run.Interventions.none();

    /** Multiplies asset {@code asset}'s exogenous price by {@code factor} now (0.8 is a 20% crash). */
    public void shock(World world, int asset, double factor) {
        record.applyNow(new Intervention.Shock(world.block(), asset, factor), world);
    }

    /**
     * Adds {@code micros} to the insurance fund of {@code market} from outside the protocol (a design with one
     * shared fund has the same fund behind every market).
     */
    public void topUpInsurance(World world, int market, long micros) {
        record.applyNow(new Intervention.InsuranceTopUp(world.block(), market, micros), world);
    }

    /** Sets a registered protocol parameter (clamped to its bounds) by a governance transaction; returns the value applied. */
    public long setParameter(World world, String name, long value) {
        record.applyNow(new Intervention.SetParameter(world.block(), name, value), world);
        return world.protocol().parameters().get(name).value();
    }

    /**
     * Adds a circuit breaker, a design's {@code breakers} entry as a map, to the running protocol (see
     * {@code Protocol.addBreaker}); its parameters become settable.
     */
    public void addBreaker(World world, JsonNode breaker) {
        record.applyNow(new Intervention.AddBreaker(world.block(), breaker), world);
    }

    /** What was applied this run, in order, one line each. */
    public List<String> log() {
        return record.log();
    }

    /** What was applied this run, in order, as the manifest lists it. */
    public List<Intervention> applied() {
        return record.applied();
    }

    /** True once any edit was made: the run is no longer a replay of the headless one. */
    public boolean edited() {
        return !record.applied().isEmpty();
    }

    public void reset() {
        record = backstop.experiments.run.Interventions.none();
    }
}
