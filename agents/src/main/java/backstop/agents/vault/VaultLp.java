package backstop.agents.vault;

import backstop.model.spec.Check;
import backstop.agents.AccountAgent;
import backstop.agents.AgentClass;
import backstop.model.world.World;
import backstop.protocol.Protocol;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import ec.util.MersenneTwisterFast;

/**
 * A liquidity provider of the backstop vault (DESIGN.md §5): it puts a share of its capital into the vault at
 * genesis and earns or loses with it; when the share price has fallen more than {@code exitDrawdown} from its
 * peak it asks for all of its shares back — refused while locked up or while the vault's collateral is tied
 * up, so it retries at every wake. A run of LPs on a losing vault is the backstop's own fragility. Gas is paid from
 * what it keeps in its account: an LP with {@code depositShare} 1 has nothing left to pay for its withdrawal.
 */
public final class VaultLp extends AccountAgent {
    /** Behaviour of one LP; fractions as decimals. */
    public record Params(double capital, double depositShare, double exitDrawdown, double wakeSeconds, double latency) {
        public Params {
            if (!(depositShare > 0 && depositShare <= 1)) {
                throw new IllegalArgumentException("deposit_share: must be in (0, 1], got " + depositShare);
            }
            Check.positive("exit_drawdown", exitDrawdown);
        }
    }

    private final Params p;
    private double peak;
    private boolean exiting;

    public VaultLp(int id, String population, Params params, MersenneTwisterFast rng) {
        super(id, population, params.latency(), params.capital());
        this.p = params;
        wakeEvery(params.wakeSeconds(), rng.nextDouble());
    }

    @Override
    public AgentClass agentClass() {
        return AgentClass.VAULT_LP;
    }

    @Override
    public void setUp(World world) {
        super.setUp(world);
        if (world.protocol().vaultAccount() >= 0) {
            world.protocol().submit(new Tx.VaultDeposit(account(), Amounts.micros(Math.round(capital() * p.depositShare()))));
        }
    }

    @Override
    public void act(World world) {
        double price = sharePrice(world.protocol());
        long held = world.protocol().vaultShares().sharesOf(account());
        if (held == 0 || Double.isNaN(price)) {
            return;
        }
        peak = Math.max(peak, price);
        exiting |= price < peak * (1 - p.exitDrawdown());
        if (exiting) {
            submit(world, new Tx.VaultWithdraw(account(), held));
        }
    }

    /** The vault's value per share, quote units per share (1.0 at the seed). */
    static double sharePrice(Protocol protocol) {
        long total = protocol.vaultShares().total();
        return total == 0 ? Double.NaN : protocol.risk(protocol.vaultAccount()).value() / (double) total;
    }

    /** Whether it has decided to leave. */
    public boolean exiting() {
        return exiting;
    }
}
