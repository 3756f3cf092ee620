package backstop.agents.traders;

import backstop.agents.AccountAgent;
import backstop.agents.AgentClass;
import ec.util.MersenneTwisterFast;

/**
 * A trader: one account funded at genesis, of class {@link AgentClass#TRADER}, waking every {@code wakeSeconds}
 * from a phase drawn from its population's stream.
 */
public abstract class Trader extends AccountAgent {
    protected Trader(int id, String population, double latency, double capital, double wakeSeconds,
                     MersenneTwisterFast rng) {
        super(id, population, latency, capital);
        wakeEvery(wakeSeconds, rng.nextDouble());
    }

    @Override
    public final AgentClass agentClass() {
        return AgentClass.TRADER;
    }
}
