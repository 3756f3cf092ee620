package backstop.agents.traders;

import backstop.agents.AccountAgent;
import backstop.model.world.World;
import backstop.protocol.book.Side;
import backstop.protocol.tx.Tx;

/** Shared order logic of the strategy traders: trade toward a target position with one market order. */
final class Orders {
    private Orders() {
    }

    /** Sends the market order that moves the agent's position to {@code target} lots (reduce-only toward flat). */
    static void moveTo(AccountAgent agent, World world, int market, long target) {
        long position = world.protocol().accounts().size(agent.account(), market);
        long delta = target - position;
        if (delta == 0) {
            return;
        }
        Side side = delta > 0 ? Side.BUY : Side.SELL;
        Tx.PlaceOrder order = target == 0
                ? Tx.PlaceOrder.close(agent.account(), market, side, Math.abs(delta))
                : Tx.PlaceOrder.market(agent.account(), market, side, Math.abs(delta));
        agent.submit(world, order);
    }
}
