package backstop.model.world;

import backstop.model.random.Streams;
import backstop.protocol.Protocol;
import backstop.protocol.event.ProtocolEvent;

import java.util.List;

/**
 * The work of each phase of a block, for whoever runs the world (the MASON model, {@code backstop.model.sim}). Agents
 * are handed the {@link World}, never this: they read the world and act only through its mempool.
 */
public final class WorldDriver {
    private final World world;

    public WorldDriver(WorldSpec spec, Protocol protocol, Streams streams) {
        this.world = new World(spec, protocol, streams);
    }

    /** The world this drives. */
    public World world() {
        return world;
    }

    /** Every protocol event passes here first: the world remembers each market's latest liquidation and who owns what. */
    public void onEvent(ProtocolEvent e) {
        world.onEvent(e);
    }

    /** Adds transaction senders; sender ids are their positions, in the order added. */
    public void addSenders(List<? extends Sender> senders) {
        world.addSenders(senders);
    }

    /** Phase 1: the exogenous price moves, venues follow it, impact decays, episodes apply. */
    public void moveEnvironment(long blockNumber) {
        world.moveEnvironment(blockNumber);
    }

    /** Phase 2: the block begins; oracles sample the venues and the protocol gets any new price. */
    public void publishOracle() {
        world.publishOracle();
    }

    /** Phase 4: the block builder takes the mempool's transactions and the protocol executes them. */
    public void executeBlock() {
        world.executeBlock();
    }

    /** Phase 5: the protocol's end of block. */
    public void endBlock() {
        world.endBlock();
    }
}
