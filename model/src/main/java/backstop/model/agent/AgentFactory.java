package backstop.model.agent;

import backstop.model.world.World;
import ec.util.MersenneTwisterFast;

import java.util.List;

/** Creates one population of agents (with heterogeneous parameters drawn from its own stream). */
public interface AgentFactory {
    /** Population name, e.g. "traders/noise"; also names its random stream (a record's {@code name} component). */
    String name();

    /** The agents, with ids from {@code firstId} on. */
    List<Agent> create(int firstId, World world, MersenneTwisterFast rng);

    /** The market its agents trade, an index into the scenario's markets (0 for populations that act on all). */
    default int market() {
        return 0;
    }

    /**
     * Builds the population without a world at the lowest and at the highest draw of every distribution, so that
     * a value its agents would refuse (a negative capital, a latency below 0, a notional beyond the ledger's
     * range) is refused when the scenario is read, not when a run starts. {@code create} must not touch the
     * world while building.
     */
    default void check() {
        create(0, null, new ExtremeDraws(false));
        create(0, null, new ExtremeDraws(true));
    }
}
