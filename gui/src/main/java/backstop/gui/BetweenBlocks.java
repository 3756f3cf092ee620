package backstop.gui;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigTree;
import backstop.experiments.design.BreakerSpec;
import backstop.model.world.World;
import sim.display.GUIState;
import sim.engine.Stoppable;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Queues {@link Interventions} from the Swing thread for the simulation thread, which applies them just before
 * the next block (MASON's "immediately before" queue), so an edit never lands in the middle of a block.
 */
public final class BetweenBlocks {
    private final GUIState gui;
    private final Supplier<World> world;
    private final Interventions interventions;
    private final Consumer<String> say;

    /** @param say receives each applied edit's log line (on the simulation thread) */
    public BetweenBlocks(GUIState gui, Supplier<World> world, Interventions interventions, Consumer<String> say) {
        this.gui = gui;
        this.world = world;
        this.interventions = interventions;
        this.say = say;
    }

    /** A price shock before the next block. */
    public void shock(int asset, double factor) {
        queue(w -> interventions.shock(w, asset, factor));
    }

    /**
     * Spreads a shock over {@code blocks} blocks: before each of the next {@code blocks} blocks the price is
     * multiplied by factor^(1/blocks), so the whole move is {@code factor} (a crash path rather than a jump).
     */
    public void shock(int asset, double factor, int blocks) {
        if (blocks <= 1) {
            shock(asset, factor);
            return;
        }
        if (!(factor > 0)) {
            throw new IllegalArgumentException("shock factor must be > 0, got " + factor);
        }
        started();
        double perBlock = Math.pow(factor, 1.0 / blocks);
        int[] left = {blocks};
        Stoppable[] self = new Stoppable[1];
        self[0] = gui.scheduleRepeatingImmediatelyBefore(s -> {
            if (left[0] > 0) {
                left[0]--;
                interventions.shock(world.get(), asset, perBlock);
                sayLast();
            }
            if (left[0] == 0 && self[0] != null) {
                self[0].stop();
            }
        });
    }

    /** An insurance-fund top-up (micro-units) of {@code market}'s fund before the next block. */
    public void topUp(int market, long micros) {
        queue(w -> interventions.topUpInsurance(w, market, micros));
    }

    /** A change of a registered protocol parameter before the next block. */
    public void parameter(String name, long value) {
        if (name == null) {
            throw new IllegalArgumentException("parameter: none selected (start a run first)");
        }
        queue(w -> interventions.setParameter(w, name, value));
    }

    /**
     * A circuit breaker, given as a YAML map like a design's {@code breakers} entry, added before the next block.
     * The YAML is checked now (a wrong key or value throws naming it); a breaker whose parameters the protocol
     * already has is refused when the edit is applied, and the refusal is said instead of the log line.
     */
    public void breaker(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new IllegalArgumentException("breaker: give a YAML map, e.g. {type: price-drop-trip, tolerance: 0.95, reset_seconds: 600}");
        }
        com.fasterxml.jackson.databind.JsonNode breaker = ConfigTree.parse(yaml, "breaker");
        ConfigBinder.bind(breaker, BreakerSpec.class, "breaker"); // checked now, on the Swing thread
        queue(w -> interventions.addBreaker(w, breaker));
    }

    private void queue(Consumer<World> edit) {
        started();
        gui.scheduleImmediatelyBefore(s -> {
            try {
                edit.accept(world.get());
                sayLast();
            } catch (RuntimeException e) {
                say.accept("error: " + e.getMessage());
            }
        });
    }

    private void started() {
        if (world.get() == null) {
            throw new IllegalStateException("start a run first (press play), then intervene");
        }
    }

    private void sayLast() {
        List<String> log = interventions.log();
        say.accept(log.get(log.size() - 1));
    }
}
