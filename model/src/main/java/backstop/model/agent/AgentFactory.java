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
}
