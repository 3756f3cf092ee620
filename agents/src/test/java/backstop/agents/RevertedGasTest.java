package backstop.agents;

import backstop.model.agent.Agent;
import backstop.model.agent.AgentFactory;
import backstop.model.sim.BackstopModel;
import backstop.model.world.World;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventSink;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;
import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A call the protocol refuses reverts early: its sender pays {@link World#REVERTED_GAS} at the price it bid, not its
 * gas limit, and the rest comes back from the validators pot; a call that runs pays its whole gas.
 */
class RevertedGasTest {
    /** Sends one 400,000-gas call in its first wake: a Liquidate of its own healthy account, or a $1 withdrawal. */
    private static final class OneCall extends AccountAgent {
        private final boolean refused;
        final List<TxReceipt> receipts = new ArrayList<>();
        private boolean sent;

        OneCall(int id, boolean refused) {
            super(id, "one-call", 0.1, 10_000);
            this.refused = refused;
        }

        @Override
        public AgentClass agentClass() {
            return AgentClass.LIQUIDATOR;
        }

        @Override
        public void act(World world) {
            if (!sent) {
                Tx tx = refused ? new Tx.Liquidate(account(), account()) : new Tx.Withdraw(account(), Amounts.micros(1));
                sent = send(world, tx, 0, 400_000, receipts::add);
            }
        }
    }

    private static OneCall run(boolean refused) {
        OneCall[] agent = new OneCall[1];
        AgentFactory one = new AgentFactory() {
            @Override
            public String name() {
                return "one-call";
            }

            @Override
            public List<Agent> create(int firstId, World world, MersenneTwisterFast rng) {
                agent[0] = new OneCall(firstId, refused);
                return List.of(agent[0]);
            }
        };
        BackstopModel model = new BackstopModel(1, TestWorlds.crash(400, 0.1, 60, 1), ProtocolConfig::basic, List.of(one),
                EventSink.NONE);
        model.runToEnd();
        World w = model.world();
        assertEquals(0, w.protocol().ledger().total());
        assertEquals(agent[0].gasPaidMicros(), w.protocol().ledger().balance(w.protocol().validatorsPot()),
                "the validators pot holds exactly what the sender paid");
        return agent[0];
    }

    @Test
    void aRefusedCallPaysOnlyTheGasItUsedBeforeReverting() {
        OneCall refused = run(true);
        OneCall ran = run(false);
        assertEquals(1, refused.receipts.size());
        assertTrue(!refused.receipts.get(0).result().valid(), refused.receipts.toString());
        assertTrue(ran.receipts.get(0).ok(), ran.receipts.toString());
        assertTrue(ran.gasPaidMicros() > 0);
        // Same block, same base fee, no tip: the fees are in the ratio of the gas used.
        assertEquals(ran.gasPaidMicros() * World.REVERTED_GAS / 400_000.0, refused.gasPaidMicros(), 1.0);
    }
}
